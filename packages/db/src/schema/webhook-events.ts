import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

/**
 * Every verified webhook, stored before we answer 2xx. The unique key makes deliveries
 * idempotent; `processedAt` is claimed inside the transaction that applies the event.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    provider: text().notNull(),
    // Cloudflare sends no event id: the key is derived from uid, state and modified time.
    eventKey: text().notNull(),
    // The webhook endpoint the event came through (a Cloudflare connection, a tenant's Stripe).
    sourceId: text().notNull(),
    tenantId: uuid().references(() => tenants.id, { onDelete: "cascade" }),
    type: text().notNull(),
    payload: jsonb().$type<unknown>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [
    uniqueIndex("webhook_events_provider_key").on(t.provider, t.eventKey),
    index("webhook_events_unprocessed_idx").on(t.receivedAt).where(sql`${t.processedAt} is null`),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
