import { sql } from "drizzle-orm";
import { check, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const tenantStatus = pgEnum("tenant_status", ["active", "archived"]);

export const tenants = pgTable(
  "tenants",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    status: tenantStatus().notNull().default("active"),
    // How long a signed playback URL stays valid; Cloudflare allows at most 24 h.
    playbackTokenTtlSeconds: integer().notNull().default(86_400),
    // Billing: the currency of new prices, and how long a past_due subscription keeps access.
    currency: text().notNull().default("usd"),
    pastDueGraceDays: integer().notNull().default(7),
    // Live classes: how long enrollees may watch the replay, when a kept recording joins the
    // catalog, and at which access level it does.
    replayDays: integer().notNull().default(7),
    catalogAfterDays: integer().notNull().default(60),
    catalogAccessLevel: text().$type<"public" | "members" | "tier">().notNull().default("members"),
    /** Raw watch sessions are kept this long; the daily rollups stay. */
    watchRetentionMonths: integer().notNull().default(13),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenants_slug_key").on(t.slug),
    check("tenants_catalog_access_check", sql`${t.catalogAccessLevel} in ('public', 'members', 'tier')`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type TenantStatus = (typeof tenantStatus.enumValues)[number];
