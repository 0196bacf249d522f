import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

/**
 * A subscription level; a higher rank includes everything below it. Its Stripe product
 * stays the same for life, so every price it ever had maps back to it; a price change
 * creates a new Stripe price (they are immutable) and retires the old one.
 */
export const tiers = pgTable(
  "tiers",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    /** Shown as a list on the pricing page. */
    benefits: jsonb().$type<string[]>().notNull().default([]),
    rank: integer().notNull(),
    currency: text().notNull().default("usd"),
    /** In the currency's minor unit; null means the interval is not offered. */
    monthlyPriceCents: integer(),
    yearlyPriceCents: integer(),
    stripeProductId: text(),
    stripeMonthlyPriceId: text(),
    stripeYearlyPriceId: text(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("tiers_tenant_idx").on(t.tenantId, t.rank),
    uniqueIndex("tiers_tenant_rank_key").on(t.tenantId, t.rank).where(sql`${t.archivedAt} is null`),
    index("tiers_stripe_product_idx").on(t.stripeProductId),
    check("tiers_monthly_price_check", sql`${t.monthlyPriceCents} is null or ${t.monthlyPriceCents} >= 0`),
    check("tiers_yearly_price_check", sql`${t.yearlyPriceCents} is null or ${t.yearlyPriceCents} >= 0`),
  ],
);

export const subscriptionStatus = pgEnum("subscription_status", [
  "incomplete",
  "incomplete_expired",
  "trialing",
  "active",
  "past_due",
  "canceled",
  "unpaid",
  "paused",
]);

export const billingInterval = pgEnum("billing_interval", ["month", "year"]);

/**
 * Mirrors one Stripe subscription, as last read from Stripe (never from an event's
 * payload). A member may hold several over time; access takes the best live one.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tierId: uuid()
      .notNull()
      .references(() => tiers.id, { onDelete: "restrict" }),
    stripeSubscriptionId: text().notNull(),
    stripeCustomerId: text().notNull(),
    stripePriceId: text(),
    interval: billingInterval(),
    /** One period's price in the currency's minor unit, as Stripe last said (for MRR). */
    amountCents: integer(),
    currency: text(),
    status: subscriptionStatus().notNull(),
    currentPeriodEnd: timestamp({ withTimezone: true }).notNull(),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    /** When the subscription last became past_due; the tenant's grace period counts from here. */
    pastDueSince: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("subscriptions_stripe_id_key").on(t.tenantId, t.stripeSubscriptionId),
    index("subscriptions_tenant_user_idx").on(t.tenantId, t.userId),
    index("subscriptions_tier_idx").on(t.tierId),
  ],
);

export type Tier = typeof tiers.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type SubscriptionStatus = (typeof subscriptionStatus.enumValues)[number];
