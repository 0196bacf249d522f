import { type SeedContext, seededRandom, stableId } from "./seed-context.ts";
import { planLedger } from "./seed-ledger.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CLASSES_PER_MONTH = 25;
const UPCOMING_CLASSES = 8;
/** The share of members who ever book a live class. */
const CLASS_GOERS = 0.25;

type Member = { userId: string; joinedAt: Date };
export type Enrollment = {
  id: string;
  classId: string;
  userId: string;
  joinedAt: Date;
  price: number;
  createdAt: Date;
  refundedAt: Date | null;
};

function schedule(ctx: SeedContext, random: () => number) {
  const span = ctx.now.getTime() - ctx.start.getTime();
  const past = CLASSES_PER_MONTH * ctx.options.months;
  const starts: Date[] = [];
  for (let i = 0; i < past; i++) {
    const at = new Date(ctx.start.getTime() + (span * (i + 0.5 + (random() - 0.5) * 0.6)) / past);
    at.setUTCHours(random() < 0.7 ? 18 : 7, 0, 0, 0);
    if (at > ctx.start && at < ctx.now) starts.push(at);
  }
  for (let i = 1; i <= UPCOMING_CLASSES; i++) {
    const at = new Date(ctx.now.getTime() + i * 2 * DAY);
    at.setUTCHours(18, 0, 0, 0);
    starts.push(at);
  }
  return starts;
}

/**
 * A few hundred live classes over the history (ended, a few cancelled, some upcoming), each
 * with 5-40 enrollments from the members who book classes, and the token ledger that pays
 * for them: purchases just in time, spends, refunds of cancelled classes, and the wallets.
 */
export async function seedClasses(ctx: SeedContext, instructorId: string) {
  const random = seededRandom(ctx.options.seed);
  const members = await ctx.sql<Member[]>`
    select user_id as "userId", joined_at as "joinedAt" from bench_members order by idx`;
  const goers = members.filter(() => random() < CLASS_GOERS);
  const classes = [];
  const enrollments: Enrollment[] = [];
  for (const [n, at] of schedule(ctx, random).entries()) {
    const id = stableId(`${ctx.options.seed}-class-${n}`);
    const minutes = [45, 60, 60, 90][Math.floor(random() * 4)] ?? 60;
    const end = new Date(at.getTime() + minutes * 60_000);
    const cancelledAt = end < ctx.now && random() < 0.05 ? new Date(at.getTime() - DAY) : null;
    const ended = end < ctx.now && !cancelledAt;
    const price = random() < 0.1 ? 0 : 1 + Math.floor(random() * 3);
    // Bookings open a week ahead and close at the start, the cancellation or now.
    const closes = Math.min(at.getTime(), cancelledAt?.getTime() ?? Number.POSITIVE_INFINITY, ctx.now.getTime()) - HOUR;
    const eligible = goers.filter((member) => member.joinedAt.getTime() < closes);
    const seats = new Set<Member>();
    const booking = closes > at.getTime() - 7 * DAY;
    const wanted = booking ? Math.min(eligible.length, 5 + Math.floor(random() * 36)) : 0;
    while (seats.size < wanted) seats.add(eligible[Math.floor(random() * eligible.length)] as Member);
    for (const member of seats) {
      const opens = Math.max(member.joinedAt.getTime(), at.getTime() - 7 * DAY);
      enrollments.push({
        id: stableId(`${ctx.options.seed}-enrollment-${enrollments.length}`),
        classId: id,
        userId: member.userId,
        joinedAt: member.joinedAt,
        price,
        createdAt: new Date(opens + random() * (closes - opens)),
        refundedAt: cancelledAt,
      });
    }
    classes.push({
      id,
      tenant_id: ctx.tenantId,
      instructor_user_id: instructorId,
      title: `${["Kata", "Kumite", "Kihon", "Open mat"][n % 4]} live, week ${1 + Math.floor(n / 6)}`,
      scheduled_start: at,
      duration_minutes: minutes,
      price_tokens: price,
      status: cancelledAt ? "cancelled" : ended ? "ended" : at < ctx.now ? "live" : "scheduled",
      connection_id: ctx.connectionId,
      live_input_uid: stableId(`${ctx.options.seed}-input-${n}`).replaceAll("-", ""),
      broadcast_mode: ended || at < ctx.now ? "webrtc" : null,
      started_at: cancelledAt || at > ctx.now ? null : at,
      ended_at: ended ? end : null,
      cancelled_at: cancelledAt,
      recording_uid: ended ? stableId(`${ctx.options.seed}-recording-${n}`).replaceAll("-", "") : null,
      recording_status: ended ? "ready" : "none",
      recording_duration_seconds: ended ? minutes * 60 : null,
      peak_viewers: ended ? seats.size : 0,
      created_at: new Date(Math.max(ctx.start.getTime(), at.getTime() - 14 * DAY)),
      updated_at: end < ctx.now ? end : ctx.now,
    });
  }
  const { ledger, wallets } = planLedger(ctx, enrollments, random);
  const attendance = planAttendance(ctx, classes, enrollments);
  await insertBatches(ctx, "live_classes", classes);
  await insertBatches(
    ctx,
    "class_enrollments",
    enrollments.map((e) => ({
      id: e.id,
      tenant_id: ctx.tenantId,
      class_id: e.classId,
      user_id: e.userId,
      price_paid: e.price,
      refunded_at: e.refundedAt,
      created_at: e.createdAt,
    })),
  );
  await insertBatches(ctx, "token_ledger", ledger);
  await insertBatches(ctx, "token_wallets", wallets);
  await insertBatches(ctx, "class_attendance", attendance);
  return {
    classes: classes.length,
    enrollments: enrollments.length,
    ledger: ledger.length,
    attendance: attendance.length,
  };
}

type PlannedClass = {
  id: string;
  scheduled_start: Date;
  duration_minutes: number;
  status: string;
  ended_at: Date | null;
};

/**
 * Who watched the classes that took place: of the seats not refunded, ~70% watch live (half
 * the class or more, joining in the first minutes), ~40% of the others and ~5% of those who
 * were there watch the replay in the following days. Its own generator, after the others, so
 * the rows drawn before it are the same as without it.
 */
function planAttendance(ctx: SeedContext, classes: PlannedClass[], enrollments: Enrollment[]) {
  const random = seededRandom(ctx.options.seed + 0x5eed);
  const held = new Map(classes.filter((c) => c.status === "ended" && c.ended_at).map((c) => [c.id, c]));
  const rows = [];
  const row = (e: Enrollment, kind: "live" | "replay", firstSeenAt: Date, seconds: number) => ({
    tenant_id: ctx.tenantId,
    class_id: e.classId,
    user_id: e.userId,
    kind,
    seconds_watched: seconds,
    first_seen_at: firstSeenAt,
    last_heartbeat_at: new Date(firstSeenAt.getTime() + seconds * 1000),
  });
  for (const enrollment of enrollments) {
    const lesson = held.get(enrollment.classId);
    if (!lesson?.ended_at || enrollment.refundedAt) continue;
    const length = lesson.duration_minutes * 60;
    const live = random() < 0.7;
    if (live) {
      const joined = new Date(lesson.scheduled_start.getTime() + random() * 5 * 60_000);
      rows.push(row(enrollment, "live", joined, Math.round(length * (0.5 + random() * 0.5))));
    }
    if (random() < (live ? 0.05 : 0.4)) {
      const seen = new Date(lesson.ended_at.getTime() + (1 + random() * 3 * 24) * HOUR);
      if (seen < ctx.now) rows.push(row(enrollment, "replay", seen, Math.round(length * (0.2 + random() * 0.7))));
    }
  }
  return rows;
}

/** Multi-row inserts, small enough to stay under the protocol's 65,535 parameters. */
async function insertBatches(ctx: SeedContext, table: string, rows: Record<string, unknown>[]) {
  const batch = 2000;
  for (let i = 0; i < rows.length; i += batch) {
    await ctx.sql`insert into ${ctx.sql(table)} ${ctx.sql(rows.slice(i, i + batch))}`;
  }
}
