import type { Db } from "@marquee/db";
import type postgres from "postgres";
import { classAnalytics, classesAnalytics } from "../../packages/api/src/services/analytics/classes.ts";
import { DEFAULT_PRICES, tenantCost } from "../../packages/api/src/services/analytics/cost.ts";
import {
  type Period,
  platformSummary,
  tenantSummary,
  topVideos,
  type VideoSort,
  videoAnalytics,
} from "../../packages/api/src/services/analytics/dashboard.ts";
import { addDays } from "../../packages/api/src/services/analytics/rollup.ts";
import { rawSummary, rawTopVideos, rawVideo } from "./raw-queries.ts";

/** The console's default page size for top videos. */
const TOP_LIMIT = 50;
const SORTS: VideoSort[] = ["views", "minutes", "completion"];

export type Query = { label: string; run: () => Promise<unknown> };
/** A dashboard query, the raw query it is compared with, and whether their figures agree. */
export type Pair = { dashboard: string; raw: string; agree: () => Promise<string | null> };

export type Subject = {
  db: Db;
  sql: postgres.Sql;
  tenantId: string;
  lastDay: string;
  videoId: string;
  /** The class with the most seats, for the class drill-down. */
  classId: string;
};

/** `days` whole UTC days ending on the last rolled-up day, as the console's period picker sends them. */
export const periodOf = (lastDay: string, days: number): Period => ({ from: addDays(lastDay, 1 - days), to: lastDay });

const differs = (label: string, a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b)
    ? null
    : `${label}: rollups say ${JSON.stringify(a)}, raw rows say ${JSON.stringify(b)}`;

export function dashboardQueries({ db, tenantId, lastDay, videoId, classId }: Subject): Query[] {
  const summaries = [7, 30, 90, 365].map((days) => ({
    label: `tenantSummary ${days}d`,
    run: () => tenantSummary(db, tenantId, periodOf(lastDay, days)),
  }));
  const tops = [30, 365].flatMap((days) =>
    SORTS.map((sort) => ({
      label: `topVideos ${days}d by ${sort}`,
      run: () => topVideos(db, tenantId, periodOf(lastDay, days), sort, TOP_LIMIT),
    })),
  );
  const video = {
    label: "videoAnalytics 90d, most viewed",
    run: () => videoAnalytics(db, tenantId, videoId, periodOf(lastDay, 90)),
  };
  // As an owner sees them: every class of the tenant.
  const classes = [90, 365].map((days) => ({
    label: `classesAnalytics ${days}d`,
    run: () => classesAnalytics(db, tenantId, periodOf(lastDay, days), null),
  }));
  const oneClass = { label: "classAnalytics, fullest class", run: () => classAnalytics(db, tenantId, classId, null) };
  // The Cost section, at Cloudflare's list prices, on the day after the last rolled-up one.
  const now = new Date(`${addDays(lastDay, 1)}T00:00:00Z`);
  const cost = [30, 365].map((days) => ({
    label: `tenantCost ${days}d`,
    run: () => tenantCost({ db, prices: DEFAULT_PRICES, now }, tenantId, periodOf(lastDay, days)),
  }));
  // Platform → Analytics: every tenant of this database side by side.
  const platform = [30, 365].map((days) => ({
    label: `platformSummary ${days}d`,
    run: () => platformSummary(db, periodOf(lastDay, days)),
  }));
  return [...summaries, ...tops, video, ...classes, oneClass, ...cost, ...platform];
}

export function rawQueries({ sql, tenantId, lastDay, videoId }: Subject): Query[] {
  return [
    ...[30, 365].map((days) => ({
      label: `raw summary ${days}d`,
      run: () => rawSummary(sql, tenantId, periodOf(lastDay, days)),
    })),
    ...[30, 365].map((days) => ({
      label: `raw top videos ${days}d`,
      run: () => rawTopVideos(sql, tenantId, periodOf(lastDay, days), TOP_LIMIT),
    })),
    { label: "raw video 90d, most viewed", run: () => rawVideo(sql, tenantId, videoId, periodOf(lastDay, 90)) },
  ];
}

/** Which dashboard query is compared with which raw one, and the figures that must agree. */
export function pairs({ db, sql, tenantId, lastDay, videoId }: Subject): Pair[] {
  const summaryPairs = [30, 365].map((days) => ({
    dashboard: `tenantSummary ${days}d`,
    raw: `raw summary ${days}d`,
    agree: async () => {
      const period = periodOf(lastDay, days);
      const { totals } = await tenantSummary(db, tenantId, period);
      const raw = await rawSummary(sql, tenantId, period);
      return differs(
        `summary ${days}d`,
        [totals.views, totals.uniqueViewers, totals.minutesWatched],
        [raw.views, raw.viewers, raw.minutes],
      );
    },
  }));
  const topPairs = [30, 365].map((days) => ({
    dashboard: `topVideos ${days}d by views`,
    raw: `raw top videos ${days}d`,
    agree: async () => {
      const period = periodOf(lastDay, days);
      const rows = await topVideos(db, tenantId, period, "views", TOP_LIMIT);
      const mine = rows.map((r) => ({ videoId: r.videoId, views: r.views, minutes: r.minutesWatched }));
      return differs(`top videos ${days}d`, mine, await rawTopVideos(sql, tenantId, period, TOP_LIMIT));
    },
  }));
  const videoPair = {
    dashboard: "videoAnalytics 90d, most viewed",
    raw: "raw video 90d, most viewed",
    agree: async () => {
      const period = periodOf(lastDay, 90);
      const { totals } = await videoAnalytics(db, tenantId, videoId, period);
      const raw = await rawVideo(sql, tenantId, videoId, period);
      return differs(
        "video 90d",
        [totals.views, totals.uniqueViewers, totals.minutesWatched],
        [raw.views, raw.viewers, raw.minutes],
      );
    },
  };
  return [...summaryPairs, ...topPairs, videoPair];
}
