import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

export const connectionSource = pgEnum("connection_source", ["tenant", "platform"]);

/**
 * One Cloudflare account in use: a tenant's own, or the platform default shared by the
 * tenants without one. Its id names the webhook URL, because Cloudflare allows a single
 * Stream webhook per account. Secrets are sealed (AES-256-GCM); the token's last four
 * characters are kept apart so the console can show them without opening the seal.
 */
export const cloudflareConnections = pgTable(
  "cloudflare_connections",
  {
    id: uuid().primaryKey().defaultRandom(),
    source: connectionSource().notNull(),
    // Set for source = tenant: the tenant that entered these credentials.
    tenantId: uuid().references(() => tenants.id, { onDelete: "cascade" }),
    accountId: text().notNull(),
    customerCode: text().notNull(),
    // Null once cleared (a failed connection test, or disconnect); the row stays so that
    // webhooks for videos already in this account still verify.
    apiTokenSealed: text(),
    apiTokenHint: text(),
    webhookSecretSealed: text(),
    webhookUrl: text(),
    // The secret Cloudflare Notifications sends in cf-webhook-auth with live input events.
    liveNotificationSecretSealed: text(),
    signingKeyId: text(),
    signingKeySealed: text(),
    verifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cloudflare_connections_tenant_key").on(t.tenantId).where(sql`${t.source} = 'tenant'`),
    uniqueIndex("cloudflare_connections_platform_key").on(t.source).where(sql`${t.source} = 'platform'`),
    index("cloudflare_connections_account_idx").on(t.accountId),
  ],
);

export type CloudflareConnection = typeof cloudflareConnections.$inferSelect;
