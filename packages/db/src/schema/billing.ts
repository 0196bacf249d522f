import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

/**
 * A tenant's own Stripe account. Secrets are sealed (AES-256-GCM); their hints (last four
 * characters) are kept apart so the console can show them without opening the seal.
 * Tenants without a row use the platform default from the environment.
 */
export const stripeConnections = pgTable(
  "stripe_connections",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    accountId: text(),
    accountName: text(),
    secretKeySealed: text(),
    secretKeyHint: text(),
    webhookSecretSealed: text(),
    webhookSecretHint: text(),
    /** Set when Marquee registered the webhook endpoint itself (no secret was entered). */
    webhookEndpointId: text(),
    verifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("stripe_connections_tenant_key").on(t.tenantId)],
);

/** The Stripe customer standing for a member in the tenant's Stripe account. */
export const stripeCustomers = pgTable(
  "stripe_customers",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    customerId: text().notNull(),
    /** The Stripe account the customer lives in: a new account means new customers. */
    accountKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    uniqueIndex("stripe_customers_customer_key").on(t.tenantId, t.customerId),
  ],
);

/** Tokens sold as one-time purchases; members spend them on live classes. */
export const tokenPacks = pgTable(
  "token_packs",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    tokens: integer().notNull(),
    priceCents: integer().notNull(),
    currency: text().notNull().default("usd"),
    stripeProductId: text(),
    stripePriceId: text(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("token_packs_tenant_idx").on(t.tenantId),
    check("token_packs_tokens_check", sql`${t.tokens} > 0`),
    check("token_packs_price_check", sql`${t.priceCents} >= 0`),
  ],
);

/** A member's balance in one tenant. The check makes a negative balance impossible. */
export const tokenWallets = pgTable(
  "token_wallets",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    balance: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    check("token_wallets_balance_check", sql`${t.balance} >= 0`),
  ],
);

export const tokenReason = pgEnum("token_reason", ["purchase", "enrollment", "refund", "grant", "deduction"]);

/**
 * Every balance change, one row each, never updated or deleted (a trigger refuses both;
 * see the migration). The unique reference makes a purchase, an enrollment or a refund
 * count once however often it is applied.
 */
export const tokenLedger = pgTable(
  "token_ledger",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    delta: integer().notNull(),
    balanceAfter: integer().notNull(),
    reason: tokenReason().notNull(),
    /** Checkout session id, enrollment id, …; null for admin grants and deductions. */
    reference: text(),
    note: text(),
    /** For purchases: what the member paid, in the currency's minor unit. */
    amountCents: integer(),
    currency: text(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("token_ledger_reference_key")
      .on(t.tenantId, t.reason, t.reference)
      .where(sql`${t.reference} is not null`),
    index("token_ledger_member_idx").on(t.tenantId, t.userId, t.createdAt),
    check("token_ledger_delta_check", sql`${t.delta} <> 0`),
    check("token_ledger_balance_check", sql`${t.balanceAfter} >= 0`),
  ],
);

export type StripeConnection = typeof stripeConnections.$inferSelect;
export type TokenPack = typeof tokenPacks.$inferSelect;
export type TokenLedgerEntry = typeof tokenLedger.$inferSelect;
export type TokenReason = (typeof tokenReason.enumValues)[number];
