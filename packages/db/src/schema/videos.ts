import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cloudflareConnections } from "./cloudflare";
import { tenants } from "./tenants";

export const videoStatus = pgEnum("video_status", ["pendingupload", "queued", "inprogress", "ready", "error"]);

export const videos = pgTable(
  "videos",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    // The account the video lives in; webhooks from another account cannot touch it.
    connectionId: uuid()
      .notNull()
      .references(() => cloudflareConnections.id, { onDelete: "restrict" }),
    cloudflareUid: text().notNull(),
    title: text().notNull(),
    status: videoStatus().notNull().default("pendingupload"),
    processingPercent: real(),
    errorReasonCode: text(),
    errorReasonText: text(),
    durationSeconds: real(),
    sizeBytes: bigint({ mode: "number" }),
    width: integer(),
    height: integer(),
    thumbnailUrl: text(),
    requireSignedUrls: boolean().notNull().default(true),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // Cloudflare's `modified` of the state we last applied: older events never win.
    cloudflareModifiedAt: timestamp({ withTimezone: true }),
    readyAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("videos_connection_uid_key").on(t.connectionId, t.cloudflareUid),
    index("videos_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("videos_pending_idx").on(t.status, t.createdAt).where(sql`${t.status} <> 'ready' and ${t.status} <> 'error'`),
  ],
);

export type Video = typeof videos.$inferSelect;
export type VideoStatus = (typeof videoStatus.enumValues)[number];
