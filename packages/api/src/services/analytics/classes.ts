import { classAttendance, classEnrollments, type DbOrTx, liveClasses, type MembershipRole, users } from "@marquee/db";
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "../../errors";
import type { Period } from "./dashboard";
import { addDays } from "./rollup";

/** Who asks: tenant admins see every class, instructors only the classes they teach; null is the tenant itself. */
export type ClassesActor = { userId: string; role: MembershipRole } | null;

const isAdmin = (role: MembershipRole) => role === "owner" || role === "admin";
const ownClasses = (actor: ClassesActor) =>
  actor === null || isAdmin(actor.role) ? undefined : eq(liveClasses.instructorUserId, actor.userId);
const minutes = (seconds: number) => Math.round(seconds / 60);
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The classes scheduled in a period (UTC days) with their seats, token revenue, attendance
 * (seated members who watched live, or the replay) and audience, for the console's Classes
 * figures. Figures about members count seats only; the peak counts every viewer.
 */
export async function classesAnalytics(db: DbOrTx, tenantId: string, period: Period, actor: ClassesActor) {
  const inPeriod = and(
    eq(liveClasses.tenantId, tenantId),
    gte(liveClasses.scheduledStart, new Date(`${period.from}T00:00:00Z`)),
    lt(liveClasses.scheduledStart, new Date(`${addDays(period.to, 1)}T00:00:00Z`)),
    ownClasses(actor),
  );
  const classIds = db.select({ id: liveClasses.id }).from(liveClasses).where(inPeriod);
  const seats = db
    .select({
      classId: classEnrollments.classId,
      enrolled: sql<number>`count(*) filter (where ${classEnrollments.refundedAt} is null)::int`.as("enrolled"),
      tokens:
        sql<number>`coalesce(sum(${classEnrollments.pricePaid}) filter (where ${classEnrollments.refundedAt} is null), 0)::int`.as(
          "tokens",
        ),
    })
    .from(classEnrollments)
    .where(inArray(classEnrollments.classId, classIds))
    .groupBy(classEnrollments.classId)
    .as("seats");
  const seat = alias(classEnrollments, "seat");
  const seated = sql`${seat.id} is not null`;
  const watched = db
    .select({
      classId: classAttendance.classId,
      attended: sql<number>`count(distinct ${classAttendance.userId}) filter (where ${seated})::int`.as("attended"),
      attendedLive: sql<number>`count(*) filter (where ${seated} and ${classAttendance.kind} = 'live')::int`.as(
        "attended_live",
      ),
      watchedReplay: sql<number>`count(*) filter (where ${seated} and ${classAttendance.kind} = 'replay')::int`.as(
        "watched_replay",
      ),
      liveSeconds:
        sql<number>`coalesce(sum(${classAttendance.secondsWatched}) filter (where ${seated} and ${classAttendance.kind} = 'live'), 0)::int`.as(
          "live_seconds",
        ),
      replaySeconds:
        sql<number>`coalesce(sum(${classAttendance.secondsWatched}) filter (where ${seated} and ${classAttendance.kind} = 'replay'), 0)::int`.as(
          "replay_seconds",
        ),
    })
    .from(classAttendance)
    .leftJoin(
      seat,
      and(eq(seat.classId, classAttendance.classId), eq(seat.userId, classAttendance.userId), isNull(seat.refundedAt)),
    )
    .where(inArray(classAttendance.classId, classIds))
    .groupBy(classAttendance.classId)
    .as("watched");

  const rows = await db
    .select({
      id: liveClasses.id,
      title: liveClasses.title,
      instructorName: users.name,
      scheduledStart: liveClasses.scheduledStart,
      durationMinutes: liveClasses.durationMinutes,
      status: liveClasses.status,
      priceTokens: liveClasses.priceTokens,
      peakViewers: liveClasses.peakViewers,
      enrolled: sql<number>`coalesce(${seats.enrolled}, 0)`,
      tokens: sql<number>`coalesce(${seats.tokens}, 0)`,
      attended: sql<number>`coalesce(${watched.attended}, 0)`,
      attendedLive: sql<number>`coalesce(${watched.attendedLive}, 0)`,
      watchedReplay: sql<number>`coalesce(${watched.watchedReplay}, 0)`,
      liveSeconds: sql<number>`coalesce(${watched.liveSeconds}, 0)`,
      replaySeconds: sql<number>`coalesce(${watched.replaySeconds}, 0)`,
    })
    .from(liveClasses)
    .innerJoin(users, eq(users.id, liveClasses.instructorUserId))
    .leftJoin(seats, eq(seats.classId, liveClasses.id))
    .leftJoin(watched, eq(watched.classId, liveClasses.id))
    .where(inPeriod)
    .orderBy(desc(liveClasses.scheduledStart), asc(liveClasses.id))
    .limit(1000);

  const classes = rows.map(({ liveSeconds, replaySeconds, ...row }) => ({
    ...row,
    attendanceRate: row.status === "live" || row.status === "ended" ? rate(row.attended, row.enrolled) : null,
    liveMinutes: minutes(liveSeconds),
    replayMinutes: minutes(replaySeconds),
  }));
  return { period, totals: classTotals(rows), classes };
}

type ClassFigures = {
  status: string;
  enrolled: number;
  tokens: number;
  attended: number;
  liveSeconds: number;
  replaySeconds: number;
  peakViewers: number;
};

/**
 * A period's classes in a few numbers. Cancelled classes count for nothing (their seats were
 * refunded); the attendance rate is over the classes that have begun, so seats in classes
 * still to come do not lower it.
 */
export function classTotals(rows: ClassFigures[]) {
  const counted = rows.filter((row) => row.status !== "cancelled");
  const begun = counted.filter((row) => row.status === "live" || row.status === "ended");
  const sum = (list: ClassFigures[], pick: (row: ClassFigures) => number) =>
    list.reduce((total, row) => total + pick(row), 0);
  const attended = sum(begun, (r) => r.attended);
  return {
    classes: counted.length,
    classesHeld: begun.length,
    enrollments: sum(counted, (r) => r.enrolled),
    /** The seats in classes that have begun: what the attendance rate is over. */
    enrollmentsHeld: sum(begun, (r) => r.enrolled),
    tokens: sum(counted, (r) => r.tokens),
    attended,
    attendanceRate: rate(
      attended,
      sum(begun, (r) => r.enrolled),
    ),
    liveMinutes: minutes(sum(counted, (r) => r.liveSeconds)),
    replayMinutes: minutes(sum(counted, (r) => r.replaySeconds)),
    peakViewers: counted.reduce((peak, row) => Math.max(peak, row.peakViewers), 0),
  };
}

/**
 * One class in detail: every enrollment with what that member watched, live and as a
 * replay, and the audience. Instructors only open the classes they teach; anything else is
 * "not found".
 */
export async function classAnalytics(db: DbOrTx, tenantId: string, classId: string, actor: ClassesActor) {
  const [found] = await db
    .select({ liveClass: liveClasses, instructorName: users.name })
    .from(liveClasses)
    .innerJoin(users, eq(users.id, liveClasses.instructorUserId))
    .where(and(eq(liveClasses.id, classId), eq(liveClasses.tenantId, tenantId), ownClasses(actor)));
  if (!found) throw new AppError("NOT_FOUND", "This class does not exist (or is not yours to see).");
  const live = alias(classAttendance, "live");
  const replay = alias(classAttendance, "replay");
  const member = alias(users, "member");
  const seatRows = await db
    .select({
      enrollmentId: classEnrollments.id,
      userId: classEnrollments.userId,
      name: member.name,
      email: member.email,
      enrolledAt: classEnrollments.createdAt,
      pricePaid: classEnrollments.pricePaid,
      refundedAt: classEnrollments.refundedAt,
      liveSeconds: sql<number>`coalesce(${live.secondsWatched}, 0)`,
      replaySeconds: sql<number>`coalesce(${replay.secondsWatched}, 0)`,
      firstSeenAt: sql<Date | null>`least(${live.firstSeenAt}, ${replay.firstSeenAt})`.mapWith(liveClasses.startedAt),
      lastSeenAt: sql<Date | null>`greatest(${live.lastHeartbeatAt}, ${replay.lastHeartbeatAt})`.mapWith(
        liveClasses.startedAt,
      ),
    })
    .from(classEnrollments)
    .innerJoin(member, eq(member.id, classEnrollments.userId))
    .leftJoin(
      live,
      and(eq(live.classId, classEnrollments.classId), eq(live.userId, classEnrollments.userId), eq(live.kind, "live")),
    )
    .leftJoin(
      replay,
      and(
        eq(replay.classId, classEnrollments.classId),
        eq(replay.userId, classEnrollments.userId),
        eq(replay.kind, "replay"),
      ),
    )
    .where(eq(classEnrollments.classId, classId))
    .orderBy(desc(sql`coalesce(${live.secondsWatched}, 0) + coalesce(${replay.secondsWatched}, 0)`), asc(member.name));
  const [others] = await db
    .select({ n: sql<number>`count(distinct ${classAttendance.userId})::int` })
    .from(classAttendance)
    .leftJoin(
      classEnrollments,
      and(
        eq(classEnrollments.classId, classAttendance.classId),
        eq(classEnrollments.userId, classAttendance.userId),
        isNull(classEnrollments.refundedAt),
      ),
    )
    .where(and(eq(classAttendance.classId, classId), isNull(classEnrollments.id)));

  const row = found.liveClass;
  const seatedRows = seatRows.filter((seat) => seat.refundedAt === null);
  const attendedRows = seatedRows.filter((seat) => seat.liveSeconds > 0 || seat.replaySeconds > 0);
  const figures = {
    status: row.status,
    enrolled: seatedRows.length,
    tokens: seatedRows.reduce((total, seat) => total + seat.pricePaid, 0),
    attended: attendedRows.length,
    liveSeconds: seatedRows.reduce((total, seat) => total + seat.liveSeconds, 0),
    replaySeconds: seatedRows.reduce((total, seat) => total + seat.replaySeconds, 0),
    peakViewers: row.peakViewers,
  };
  return {
    class: {
      id: row.id,
      title: row.title,
      instructorName: found.instructorName,
      scheduledStart: row.scheduledStart,
      durationMinutes: row.durationMinutes,
      status: row.status,
      priceTokens: row.priceTokens,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      broadcastMode: row.broadcastMode,
    },
    totals: {
      enrolled: figures.enrolled,
      tokens: figures.tokens,
      attended: figures.attended,
      attendedLive: seatedRows.filter((seat) => seat.liveSeconds > 0).length,
      watchedReplay: seatedRows.filter((seat) => seat.replaySeconds > 0).length,
      attendanceRate: row.status === "live" || row.status === "ended" ? rate(figures.attended, figures.enrolled) : null,
      liveMinutes: minutes(figures.liveSeconds),
      replayMinutes: minutes(figures.replaySeconds),
      /** Minutes watched (live and replay) per member who watched at all. */
      minutesPerAttendee: attendedRows.length
        ? Math.round(((figures.liveSeconds + figures.replaySeconds) / 60 / attendedRows.length) * 10) / 10
        : null,
      peakViewers: row.peakViewers,
      otherViewers: others?.n ?? 0,
    },
    enrollments: seatRows.map(({ liveSeconds, replaySeconds, ...seat }) => ({
      ...seat,
      attended: seat.refundedAt === null && (liveSeconds > 0 || replaySeconds > 0),
      liveMinutes: Math.round((liveSeconds / 60) * 10) / 10,
      replayMinutes: Math.round((replaySeconds / 60) * 10) / 10,
    })),
  };
}
