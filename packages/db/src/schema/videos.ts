import { type SQL, sql } from "drizzle-orm";
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
import { images } from "./images";
import { tenants } from "./tenants";
import { tiers } from "./tiers";
import { tsvector } from "./types";

export const videoStatus = pgEnum("video_status", ["pendingupload", "queued", "inprogress", "ready", "error"]);
export const videoAccess = pgEnum("video_access", ["public", "members", "tier"]);

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
    description: text().notNull().default(""),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    accessLevel: videoAccess().notNull().default("members"),
    // Set when accessLevel = tier: the lowest tier whose subscribers may watch.
    requiredTierId: uuid().references(() => tiers.id, { onDelete: "restrict" }),
    posterSeconds: real(),
    /** An uploaded poster (a migrated class's thumbnail) shown instead of a frame of the video. */
    posterImageId: uuid().references(() => images.id, { onDelete: "set null" }),
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
    /** A pending upload reserves this much of the account's storage until it arrives or the link expires. */
    reservedSeconds: integer(),
    uploadExpiresAt: timestamp({ withTimezone: true }),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // Cloudflare's `modified` of the state we last applied: older events never win.
    cloudflareModifiedAt: timestamp({ withTimezone: true }),
    readyAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // marquee_search_text is an immutable wrapper (array_to_string is only stable), see drizzle/.
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('simple'::regconfig, marquee_search_text(${videos.title}, ${videos.description}, ${videos.tags}))`,
    ),
  },
  (t) => [
    uniqueIndex("videos_connection_uid_key").on(t.connectionId, t.cloudflareUid),
    index("videos_search_idx").using("gin", t.searchVector),
    index("videos_tags_idx").using("gin", t.tags),
    index("videos_catalog_idx").on(t.tenantId, t.status, t.createdAt, t.id),
    index("videos_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("videos_pending_idx").on(t.status, t.createdAt).where(sql`${t.status} <> 'ready' and ${t.status} <> 'error'`),
  ],
);

export type Video = typeof videos.$inferSelect;
export type VideoStatus = (typeof videoStatus.enumValues)[number];

/** One WebVTT track per language, mirrored from Cloudflare. */
export const captions = pgTable(
  "captions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    videoId: uuid()
      .notNull()
      .references(() => videos.id, { onDelete: "cascade" }),
    language: text().notNull(),
    label: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("captions_video_language_key").on(t.videoId, t.language)],
);

export type Caption = typeof captions.$inferSelect;
export type VideoAccess = (typeof videoAccess.enumValues)[number];
