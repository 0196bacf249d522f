import type postgres from "postgres";
import type { Period } from "../../packages/api/src/services/analytics/dashboard.ts";

/**
 * The dashboard's headline figures computed straight from the raw watch sessions, as the
 * pages would have to without rollups: the baseline the rollup reads are measured against,
 * and a check that both give the same numbers.
 */

export type RawTotals = { views: number; viewers: number; minutes: number };
export type RawVideo = { videoId: string; views: number; minutes: number };

const bounds = (period: Period) => ({
  from: `${period.from}T00:00:00Z`,
  // The end day is included: sessions before the next midnight.
  to: new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString(),
});

export async function rawSummary(sql: postgres.Sql, tenantId: string, period: Period): Promise<RawTotals> {
  const { from, to } = bounds(period);
  const [row] = await sql<{ views: number; viewers: number; seconds: number }[]>`
    select count(*)::int as views, count(distinct user_id)::int as viewers,
      coalesce(sum(seconds_watched), 0)::float8 as seconds
    from watch_sessions
    where tenant_id = ${tenantId} and started_at >= ${from}::timestamptz and started_at < ${to}::timestamptz`;
  return { views: row?.views ?? 0, viewers: row?.viewers ?? 0, minutes: Math.round((row?.seconds ?? 0) / 60) };
}

export async function rawTopVideos(sql: postgres.Sql, tenantId: string, period: Period, limit: number) {
  const { from, to } = bounds(period);
  const rows = await sql<{ videoId: string; views: number; seconds: number }[]>`
    select s.video_id as "videoId", count(*)::int as views, sum(s.seconds_watched)::float8 as seconds,
      avg(least(1, s.furthest_position / nullif(v.duration_seconds, 0)))::float8 as completion
    from watch_sessions s join videos v on v.id = s.video_id
    where s.tenant_id = ${tenantId} and s.started_at >= ${from}::timestamptz and s.started_at < ${to}::timestamptz
    group by s.video_id
    order by views desc, s.video_id
    limit ${limit}`;
  return rows.map(
    (row): RawVideo => ({ videoId: row.videoId, views: row.views, minutes: Math.round(row.seconds / 60) }),
  );
}

export async function rawVideo(sql: postgres.Sql, tenantId: string, videoId: string, period: Period) {
  const { from, to } = bounds(period);
  const [row] = await sql<{ views: number; viewers: number; seconds: number }[]>`
    select count(*)::int as views, count(distinct user_id)::int as viewers,
      coalesce(sum(seconds_watched), 0)::float8 as seconds
    from watch_sessions
    where tenant_id = ${tenantId} and video_id = ${videoId}
      and started_at >= ${from}::timestamptz and started_at < ${to}::timestamptz`;
  return { views: row?.views ?? 0, viewers: row?.viewers ?? 0, minutes: Math.round((row?.seconds ?? 0) / 60) };
}
