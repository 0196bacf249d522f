import {
  analyticsTenantDaily,
  analyticsVideoDaily,
  analyticsViewerDaily,
  type DbOrTx,
  tiers,
  videos,
  watchSessions,
} from "@marquee/db";
import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { AppError } from "../../errors";

export type Period = { from: string; to: string };

type DayColumn = typeof analyticsTenantDaily.day | typeof analyticsVideoDaily.day | typeof analyticsViewerDaily.day;
const inPeriod = (column: DayColumn, period: Period) => and(gte(column, period.from), lte(column, period.to));

/**
 * The tenant's dashboard for a period of UTC days, read from the daily rollups: totals, the
 * subscription book at the period's last rolled day, and one point per day for the charts.
 */
export async function tenantSummary(db: DbOrTx, tenantId: string, period: Period) {
  const days = await db
    .select()
    .from(analyticsTenantDaily)
    .where(and(eq(analyticsTenantDaily.tenantId, tenantId), inPeriod(analyticsTenantDaily.day, period)))
    .orderBy(asc(analyticsTenantDaily.day));
  const [viewers] = await db
    .select({ n: sql<number>`count(distinct ${analyticsViewerDaily.userId})::int` })
    .from(analyticsViewerDaily)
    .where(and(eq(analyticsViewerDaily.tenantId, tenantId), inPeriod(analyticsViewerDaily.day, period)));
  const last = days.at(-1);
  const tierIds = Object.keys(last?.subscribersByTier ?? {});
  const tierNames = tierIds.length
    ? await db
        .select({ id: tiers.id, name: tiers.name, rank: tiers.rank })
        .from(tiers)
        .where(and(eq(tiers.tenantId, tenantId), inArray(tiers.id, tierIds)))
    : [];
  const sum = (pick: (row: (typeof days)[number]) => number) => days.reduce((total, row) => total + pick(row), 0);
  return {
    period,
    rolledUpAt: last?.rolledUpAt ?? null,
    totals: {
      views: sum((r) => r.views),
      uniqueViewers: viewers?.n ?? 0,
      minutesWatched: Math.round(sum((r) => r.secondsWatched) / 60),
      newMembers: sum((r) => r.newMembers),
      enrollments: sum((r) => r.enrollments),
      enrollmentTokens: sum((r) => r.enrollmentTokens),
      tokenPurchases: sum((r) => r.tokenPurchases),
      tokensSold: sum((r) => r.tokensSold),
      tokenSalesCents: sum((r) => r.tokenSalesCents),
      activeSubscribers: last?.activeSubscribers ?? 0,
      mrrCents: last?.mrrCents ?? 0,
    },
    subscribersByTier: tierNames
      .map((tier) => ({
        tierId: tier.id,
        name: tier.name,
        rank: tier.rank,
        subscribers: last?.subscribersByTier[tier.id] ?? 0,
      }))
      .sort((a, b) => a.rank - b.rank),
    series: days.map((r) => ({
      day: r.day,
      views: r.views,
      viewers: r.viewers,
      minutesWatched: Math.round(r.secondsWatched / 60),
      newMembers: r.newMembers,
      enrollments: r.enrollments,
      tokenSalesCents: r.tokenSalesCents,
      activeSubscribers: r.activeSubscribers,
      mrrCents: r.mrrCents,
    })),
  };
}

export type VideoSort = "views" | "minutes" | "completion";

/** The most watched videos of a period: views, minutes and average completion. */
export async function topVideos(db: DbOrTx, tenantId: string, period: Period, sort: VideoSort, limit: number) {
  const views = sql<number>`sum(${analyticsVideoDaily.views})::int`;
  const seconds = sql<number>`sum(${analyticsVideoDaily.secondsWatched})::float8`;
  const completion = sql<number>`(sum(${analyticsVideoDaily.completionSum}) / nullif(sum(${analyticsVideoDaily.views}), 0))::float8`;
  const order = sort === "minutes" ? seconds : sort === "completion" ? completion : views;
  const rows = await db
    .select({
      videoId: analyticsVideoDaily.videoId,
      title: videos.title,
      durationSeconds: videos.durationSeconds,
      views,
      seconds,
      completion,
    })
    .from(analyticsVideoDaily)
    .innerJoin(videos, eq(videos.id, analyticsVideoDaily.videoId))
    .where(and(eq(analyticsVideoDaily.tenantId, tenantId), inPeriod(analyticsVideoDaily.day, period)))
    .groupBy(analyticsVideoDaily.videoId, videos.title, videos.durationSeconds)
    .orderBy(sql`${order} desc nulls last`, desc(views), asc(analyticsVideoDaily.videoId))
    .limit(limit);
  return rows.map((row) => ({
    videoId: row.videoId,
    title: row.title,
    durationSeconds: row.durationSeconds,
    views: row.views,
    minutesWatched: Math.round(row.seconds / 60),
    averageCompletion: row.completion ?? 0,
  }));
}

/**
 * One video over a period: daily points from the rollups, and distinct viewers from the raw
 * sessions where the period is still within their retention.
 */
export async function videoAnalytics(db: DbOrTx, tenantId: string, videoId: string, period: Period) {
  const [video] = await db
    .select({ id: videos.id, title: videos.title, durationSeconds: videos.durationSeconds })
    .from(videos)
    .where(and(eq(videos.id, videoId), eq(videos.tenantId, tenantId)));
  if (!video) throw new AppError("NOT_FOUND", "This video does not exist.");
  const days = await db
    .select()
    .from(analyticsVideoDaily)
    .where(and(eq(analyticsVideoDaily.videoId, videoId), inPeriod(analyticsVideoDaily.day, period)))
    .orderBy(asc(analyticsVideoDaily.day));
  const [distinct] = await db
    .select({ n: sql<number>`count(distinct ${watchSessions.userId})::int` })
    .from(watchSessions)
    .where(
      and(
        eq(watchSessions.tenantId, tenantId),
        eq(watchSessions.videoId, videoId),
        gte(watchSessions.startedAt, new Date(`${period.from}T00:00:00Z`)),
        lt(watchSessions.startedAt, new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000)),
      ),
    );
  const views = days.reduce((total, r) => total + r.views, 0);
  const seconds = days.reduce((total, r) => total + r.secondsWatched, 0);
  const completion = days.reduce((total, r) => total + r.completionSum, 0);
  return {
    video,
    totals: {
      views,
      uniqueViewers: distinct?.n ?? 0,
      minutesWatched: Math.round(seconds / 60),
      averageCompletion: views ? completion / views : 0,
    },
    series: days.map((r) => ({
      day: r.day,
      views: r.views,
      viewers: r.viewers,
      minutesWatched: Math.round(r.secondsWatched / 60),
      averageCompletion: r.views ? r.completionSum / r.views : 0,
    })),
  };
}
