import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { cloudflareConnections } from "./cloudflare";
import { tenants } from "./tenants";
import { users } from "./users";
import { videos } from "./videos";

/*
 * Daily rollups (UTC days) that the analytics pages read instead of the raw rows, so they
 * stay fast however many watch sessions there are. The rollup job rewrites a day whole,
 * which makes it safe to run again; raw sessions older than the tenant's retention are
 * pruned once their day is rolled up.
 */

/** Per video and day: views (watch sessions started), distinct viewers, time watched, completion. */
export const analyticsVideoDaily = pgTable(
  "analytics_video_daily",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    videoId: uuid()
      .notNull()
      .references(() => videos.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    views: integer().notNull(),
    viewers: integer().notNull(),
    secondsWatched: bigint({ mode: "number" }).notNull(),
    /** Sum over the day's views of min(1, furthest position / duration): divide by views for the average. */
    completionSum: real().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.videoId, t.day] }),
    index("analytics_video_daily_tenant_day_idx").on(t.tenantId, t.day),
    // The rollup rewrites the recent days of every tenant at once.
    index("analytics_video_daily_day_idx").on(t.day),
  ],
);

/** Per member and day with any viewing: distinct viewers over any range, minutes per member. */
export const analyticsViewerDaily = pgTable(
  "analytics_viewer_daily",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    views: integer().notNull(),
    secondsWatched: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.userId] }),
    // Distinct viewers over months: one lookup per viewer instead of reading every viewer-day.
    index("analytics_viewer_daily_tenant_user_idx").on(t.tenantId, t.userId, t.day),
    index("analytics_viewer_daily_day_idx").on(t.day),
  ],
);

/** Per tenant and day: viewing totals, members, enrollments, token sales and the subscription book. */
export const analyticsTenantDaily = pgTable(
  "analytics_tenant_daily",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    views: integer().notNull(),
    viewers: integer().notNull(),
    secondsWatched: bigint({ mode: "number" }).notNull(),
    newMembers: integer().notNull(),
    enrollments: integer().notNull(),
    enrollmentTokens: integer().notNull(),
    tokenPurchases: integer().notNull(),
    tokensSold: integer().notNull(),
    tokenSalesCents: bigint({ mode: "number" }).notNull(),
    /** The subscription book at the end of the day (or now, for today). */
    activeSubscribers: integer().notNull(),
    subscribersByTier: jsonb().$type<Record<string, number>>().notNull(),
    mrrCents: bigint({ mode: "number" }).notNull(),
    /** Minutes of video stored at the end of the day: ready videos and class recordings not deleted. */
    storedSeconds: bigint({ mode: "number" }).notNull().default(0),
    rolledUpAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);

/** Cloudflare's minutes delivered (GraphQL Analytics) per account, UTC day and video uid. */
export const cloudflareDeliveryDaily = pgTable(
  "cloudflare_delivery_daily",
  {
    connectionId: uuid()
      .notNull()
      .references(() => cloudflareConnections.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    videoUid: text().notNull(),
    minutes: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.day, t.videoUid] })],
);

/** Which days of an account's delivery figures are fetched (a day with no viewing has no rows above). */
export const cloudflareUsageDays = pgTable(
  "cloudflare_usage_days",
  {
    connectionId: uuid()
      .notNull()
      .references(() => cloudflareConnections.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    fetchedAt: timestamp({ withTimezone: true }),
    /** The last failure (e.g. a token without Account Analytics Read); retried next run. */
    error: text(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.day] })],
);

/**
 * Cloudflare's own storage figures for an account (`/stream/storage-usage`), one snapshot a
 * day: minutes stored (pending uploads' reservations included) against the account's limit.
 */
export const cloudflareStorageDaily = pgTable(
  "cloudflare_storage_daily",
  {
    connectionId: uuid()
      .notNull()
      .references(() => cloudflareConnections.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    storedMinutes: doublePrecision().notNull(),
    limitMinutes: doublePrecision(),
    videoCount: integer().notNull(),
    fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.day] })],
);
