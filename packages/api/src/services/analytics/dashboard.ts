import {
  analyticsTenantDaily,
  analyticsVideoDaily,
  analyticsViewerDaily,
  type DbOrTx,
  tenants,
  tiers,
  videos,
  watchSessions,
} from "@marquee/db";
import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { AppError } from "../../errors";
import { classesAnalytics } from "./classes";
import { countViewers } from "./viewers";

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
  const viewerDays = days.reduce((total, row) => total + row.viewers, 0);
  const uniqueViewers = await countViewers(db, tenantId, period, viewerDays);
  const { totals: classes } = await classesAnalytics(db, tenantId, period, null);
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
      uniqueViewers,
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
    /** Live classes scheduled in the period, read from the raw tables (a few hundred rows a year). */
    classes,
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
  // Ranked on the rollup alone, then joined to the few videos shown: joining first would carry
  // every video-day row (300k for a busy year) through the join and group by the title too.
  const ranked = db
    .select({
      videoId: analyticsVideoDaily.videoId,
      views: views.as("views"),
      seconds: seconds.as("seconds"),
      completion: completion.as("completion"),
    })
    .from(analyticsVideoDaily)
    .where(and(eq(analyticsVideoDaily.tenantId, tenantId), inPeriod(analyticsVideoDaily.day, period)))
    .groupBy(analyticsVideoDaily.videoId)
    .orderBy(sql`${order} desc nulls last`, desc(views), asc(analyticsVideoDaily.videoId))
    .limit(limit)
    .as("ranked");
  const rankedOrder = sort === "minutes" ? ranked.seconds : sort === "completion" ? ranked.completion : ranked.views;
  const rows = await db
    .select({
      videoId: ranked.videoId,
      title: videos.title,
      durationSeconds: videos.durationSeconds,
      views: ranked.views,
      seconds: ranked.seconds,
      completion: ranked.completion,
    })
    .from(ranked)
    .innerJoin(videos, eq(videos.id, ranked.videoId))
    .orderBy(sql`${rankedOrder} desc nulls last`, desc(ranked.views), asc(ranked.videoId));
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
  // A hashed distinct rather than count(distinct), which sorts (and spills) a hit's sessions.
  const viewers = db
    .selectDistinct({ userId: watchSessions.userId })
    .from(watchSessions)
    .where(
      and(
        eq(watchSessions.tenantId, tenantId),
        eq(watchSessions.videoId, videoId),
        gte(watchSessions.startedAt, new Date(`${period.from}T00:00:00Z`)),
        lt(watchSessions.startedAt, new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000)),
      ),
    )
    .as("viewers");
  const [distinct] = await db.select({ n: count() }).from(viewers);
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

/**
 * The platform's view of a period: every tenant's figures from the rollups (one row per
 * tenant, for a table sortable by any column) and their sum.
 */
export async function platformSummary(db: DbOrTx, period: Period) {
  const lastDay = db
    .select({
      tenantId: analyticsTenantDaily.tenantId,
      day: sql<string>`max(${analyticsTenantDaily.day})`.as("last_day"),
    })
    .from(analyticsTenantDaily)
    .where(inPeriod(analyticsTenantDaily.day, period))
    .groupBy(analyticsTenantDaily.tenantId)
    .as("last_day");
  const rows = await db
    .select({
      tenantId: tenants.id,
      name: tenants.name,
      slug: tenants.slug,
      status: tenants.status,
      currency: tenants.currency,
      views: sql<number>`coalesce(sum(${analyticsTenantDaily.views}), 0)::int`,
      seconds: sql<number>`coalesce(sum(${analyticsTenantDaily.secondsWatched}), 0)::float8`,
      newMembers: sql<number>`coalesce(sum(${analyticsTenantDaily.newMembers}), 0)::int`,
      enrollments: sql<number>`coalesce(sum(${analyticsTenantDaily.enrollments}), 0)::int`,
      tokenSalesCents: sql<number>`coalesce(sum(${analyticsTenantDaily.tokenSalesCents}), 0)::float8`,
      activeSubscribers: sql<number>`coalesce(max(${analyticsTenantDaily.activeSubscribers}) filter (where ${analyticsTenantDaily.day} = ${lastDay.day}), 0)::int`,
      mrrCents: sql<number>`coalesce(max(${analyticsTenantDaily.mrrCents}) filter (where ${analyticsTenantDaily.day} = ${lastDay.day}), 0)::float8`,
      storedSeconds: sql<number>`coalesce(max(${analyticsTenantDaily.storedSeconds}), 0)::float8`,
    })
    .from(tenants)
    .leftJoin(
      analyticsTenantDaily,
      and(eq(analyticsTenantDaily.tenantId, tenants.id), inPeriod(analyticsTenantDaily.day, period)),
    )
    .leftJoin(lastDay, eq(lastDay.tenantId, tenants.id))
    .groupBy(tenants.id, tenants.name, tenants.slug, tenants.status, tenants.currency)
    .orderBy(asc(tenants.name));
  const [members] = await db
    .select({ n: sql<number>`count(distinct ${analyticsViewerDaily.userId})::int` })
    .from(analyticsViewerDaily)
    .where(inPeriod(analyticsViewerDaily.day, period));
  const table = rows.map((r) => ({
    tenantId: r.tenantId,
    name: r.name,
    slug: r.slug,
    archived: r.status === "archived",
    /** The tenant's money figures are in this currency. */
    currency: r.currency,
    views: r.views,
    minutesWatched: Math.round(r.seconds / 60),
    newMembers: r.newMembers,
    enrollments: r.enrollments,
    tokenSalesCents: r.tokenSalesCents,
    activeSubscribers: r.activeSubscribers,
    mrrCents: r.mrrCents,
    storedMinutes: Math.round(r.storedSeconds / 60),
  }));
  const total = (pick: (row: (typeof table)[number]) => number) => table.reduce((sum, row) => sum + pick(row), 0);
  return {
    period,
    totals: {
      tenants: table.length,
      views: total((r) => r.views),
      uniqueViewers: members?.n ?? 0,
      minutesWatched: total((r) => r.minutesWatched),
      newMembers: total((r) => r.newMembers),
      enrollments: total((r) => r.enrollments),
      activeSubscribers: total((r) => r.activeSubscribers),
      storedMinutes: total((r) => r.storedMinutes),
    },
    /** Money adds up only within a currency: one line per currency the tenants use, largest MRR first. */
    money: [...new Set(table.map((r) => r.currency))]
      .map((currency) => {
        const rows = table.filter((r) => r.currency === currency);
        const sum = (pick: (row: (typeof table)[number]) => number) => rows.reduce((n, row) => n + pick(row), 0);
        return {
          currency,
          tenants: rows.length,
          mrrCents: sum((r) => r.mrrCents),
          tokenSalesCents: sum((r) => r.tokenSalesCents),
        };
      })
      .sort((a, b) => b.mrrCents - a.mrrCents || a.currency.localeCompare(b.currency)),
    tenants: table,
  };
}
