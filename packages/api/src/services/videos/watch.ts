import { type Db, videos, watchSessions } from "@marquee/db";
import { and, eq, gte, sql } from "drizzle-orm";
import { AppError } from "../../errors";

/** A heartbeat adds at most this much watching, whatever the client claims. */
const MAX_SECONDS_PER_HEARTBEAT = 60;

export type Heartbeat = {
  videoId: string;
  sessionId?: string | null | undefined;
  position: number;
  watchedSeconds: number;
};

/**
 * Records a heartbeat of a member's viewing: the first opens a watch session, later ones
 * add the seconds played and move the furthest position. Sessions belong to their user.
 */
export async function recordHeartbeat(db: Db, tenantId: string, userId: string, beat: Heartbeat, now: Date) {
  const watched = Math.max(0, Math.min(MAX_SECONDS_PER_HEARTBEAT, Math.round(beat.watchedSeconds)));
  const position = Math.max(0, beat.position);
  if (beat.sessionId) {
    const [updated] = await db
      .update(watchSessions)
      .set({
        secondsWatched: sql`${watchSessions.secondsWatched} + ${watched}`,
        furthestPosition: sql`greatest(${watchSessions.furthestPosition}, ${position})`,
        lastPosition: position,
        lastHeartbeatAt: now,
      })
      .where(
        and(
          eq(watchSessions.id, beat.sessionId),
          eq(watchSessions.userId, userId),
          eq(watchSessions.tenantId, tenantId),
          eq(watchSessions.videoId, beat.videoId),
        ),
      )
      .returning({ id: watchSessions.id });
    if (updated) return { sessionId: updated.id };
  }
  const [video] = await db
    .select({ id: videos.id })
    .from(videos)
    .where(and(eq(videos.id, beat.videoId), eq(videos.tenantId, tenantId), eq(videos.status, "ready")));
  if (!video) throw new AppError("NOT_FOUND", "This video does not exist in this organization.");
  const [session] = await db
    .insert(watchSessions)
    .values({
      tenantId,
      videoId: video.id,
      userId,
      secondsWatched: watched,
      furthestPosition: position,
      lastPosition: position,
      startedAt: now,
      lastHeartbeatAt: now,
    })
    .returning({ id: watchSessions.id });
  if (!session) throw new AppError("INTERNAL", "Could not record the viewing.");
  return { sessionId: session.id };
}

export type WatchStats = { views: number; uniqueViewers: number; minutesWatched: number; averageCompletion: number };

/** Views, unique viewers, minutes watched and average completion since `since`. */
export async function videoStats(db: Db, tenantId: string, videoId: string, since: Date): Promise<WatchStats> {
  const [row] = await db
    .select({
      views: sql<number>`count(*)::int`,
      uniqueViewers: sql<number>`count(distinct ${watchSessions.userId})::int`,
      seconds: sql<number>`coalesce(sum(${watchSessions.secondsWatched}), 0)::float8`,
      completion: sql<number>`coalesce(avg(least(1, ${watchSessions.furthestPosition} / nullif(${videos.durationSeconds}, 0))), 0)::float8`,
    })
    .from(watchSessions)
    .innerJoin(videos, eq(videos.id, watchSessions.videoId))
    .where(
      and(
        eq(watchSessions.tenantId, tenantId),
        eq(watchSessions.videoId, videoId),
        gte(watchSessions.startedAt, since),
      ),
    );
  return {
    views: row?.views ?? 0,
    uniqueViewers: row?.uniqueViewers ?? 0,
    minutesWatched: Math.round(((row?.seconds ?? 0) / 60) * 10) / 10,
    averageCompletion: Math.round((row?.completion ?? 0) * 1000) / 1000,
  };
}
