import { classAttendance, classEnrollments, type DbOrTx, liveClasses, tenants } from "@marquee/db";
import { and, count, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { AppError } from "../../errors";
import type { MemberDeps } from "./member";

/** The watch page beats this often while it plays (see the portal's `useClassHeartbeats`). */
export const CLASS_HEARTBEAT_MS = 15_000;
/** A viewer counts as watching live until this long after their last heartbeat. */
export const CONCURRENT_WINDOW_MS = 3 * CLASS_HEARTBEAT_MS;
/** A heartbeat adds at most this much watching, and never more than the time since the previous one. */
const MAX_SECONDS_PER_HEARTBEAT = 60;
/** A live beat that arrives just after the class ended (the page had not polled yet) still counts. */
const LATE_LIVE_BEAT_MS = 2 * 60_000;
const STAFF = new Set(["owner", "admin", "instructor"]);

export type ClassHeartbeat = { classId: string; kind: "live" | "replay"; watchedSeconds: number };
export type ClassHeartbeatResult = { recorded: boolean };

/**
 * Records a heartbeat of the class watch page: seconds played live or of the replay, added
 * to the viewer's attendance row for the class. Only seats (or staff) may be counted, and
 * only while the class plays in that form; a beat that arrives after the page's state
 * changed is ignored, not an error. A live beat also refreshes the concurrent audience
 * and keeps its peak on the class.
 */
export async function recordClassHeartbeat(deps: MemberDeps, beat: ClassHeartbeat): Promise<ClassHeartbeatResult> {
  const now = deps.now();
  const [found] = await deps.db
    .select({
      status: liveClasses.status,
      endedAt: liveClasses.endedAt,
      recordingStatus: liveClasses.recordingStatus,
      replayDays: tenants.replayDays,
      seat: classEnrollments.id,
    })
    .from(liveClasses)
    .innerJoin(tenants, eq(tenants.id, liveClasses.tenantId))
    .leftJoin(
      classEnrollments,
      and(
        eq(classEnrollments.classId, liveClasses.id),
        eq(classEnrollments.userId, deps.viewer.userId),
        isNull(classEnrollments.refundedAt),
      ),
    )
    .where(and(eq(liveClasses.id, beat.classId), eq(liveClasses.tenantId, deps.tenant.id)));
  if (!found) throw new AppError("NOT_FOUND", "This class does not exist.");
  const staff = STAFF.has(deps.viewer.role);
  if (!found.seat && !staff) throw new AppError("FORBIDDEN", "Enroll in this class to watch it.");

  const endedAgo = found.endedAt ? now.getTime() - found.endedAt.getTime() : null;
  const playing =
    beat.kind === "live"
      ? found.status === "live" || (found.status === "ended" && endedAgo !== null && endedAgo <= LATE_LIVE_BEAT_MS)
      : found.status === "ended" &&
        found.recordingStatus === "ready" &&
        (staff || (endedAgo !== null && endedAgo < found.replayDays * 86_400_000));
  if (!playing) return { recorded: false };

  const watched = Math.max(0, Math.min(MAX_SECONDS_PER_HEARTBEAT, Math.round(beat.watchedSeconds)));
  await deps.db
    .insert(classAttendance)
    .values({
      tenantId: deps.tenant.id,
      classId: beat.classId,
      userId: deps.viewer.userId,
      kind: beat.kind,
      secondsWatched: watched,
      firstSeenAt: now,
      lastHeartbeatAt: now,
    })
    .onConflictDoUpdate({
      target: [classAttendance.classId, classAttendance.userId, classAttendance.kind],
      set: {
        // Never more than the wall-clock time since the previous beat (plus a little slack).
        secondsWatched: sql`${classAttendance.secondsWatched} + least(excluded.seconds_watched,
          greatest(0, floor(extract(epoch from excluded.last_heartbeat_at - ${classAttendance.lastHeartbeatAt})))::int + 5)`,
        lastHeartbeatAt: sql`greatest(${classAttendance.lastHeartbeatAt}, excluded.last_heartbeat_at)`,
      },
    });
  // Every viewer beats every 15 s: the class row is written only when the audience reaches a new
  // peak; the status job refreshes the current figure every minute.
  if (beat.kind === "live" && found.status === "live") await refreshAudience(deps.db, beat.classId, now, "peak");
  return { recorded: true };
}

/** How many viewers beat recently: the class's concurrent audience. */
export async function concurrentViewers(db: DbOrTx, classId: string, now: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(classAttendance)
    .where(
      and(
        eq(classAttendance.classId, classId),
        eq(classAttendance.kind, "live"),
        gt(classAttendance.lastHeartbeatAt, new Date(now.getTime() - CONCURRENT_WINDOW_MS)),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Stores the audience on a live class: the peak is the largest audience seen, by heartbeats
 * or by Cloudflare's count for encoder broadcasts; the current figure of a browser broadcast
 * (whose WebRTC viewers Cloudflare does not count) comes from the heartbeats. With `"peak"`,
 * the row is written only when the audience is larger than the peak.
 */
export async function refreshAudience(db: DbOrTx, classId: string, now: Date, only?: "peak") {
  const viewers = await concurrentViewers(db, classId, now);
  await db
    .update(liveClasses)
    .set({
      peakViewers: sql`greatest(${liveClasses.peakViewers}, ${viewers})`,
      currentViewers: sql`case when ${liveClasses.broadcastMode} = 'webrtc' then ${viewers} else ${liveClasses.currentViewers} end`,
    })
    .where(
      and(
        eq(liveClasses.id, classId),
        eq(liveClasses.status, "live"),
        only === "peak" ? lt(liveClasses.peakViewers, viewers) : undefined,
      ),
    );
  return viewers;
}
