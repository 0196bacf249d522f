import { integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tenants_slug_key").on(t.slug)],
);

export type Tenant = typeof tenants.$inferSelect;
export type TenantStatus = (typeof tenantStatus.enumValues)[number];
