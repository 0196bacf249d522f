import { sql } from "drizzle-orm";
import {
  boolean,
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
import { cloudflareConnections } from "./cloudflare";
import { images } from "./images";
import { tenants } from "./tenants";
import { users } from "./users";
import { videos } from "./videos";

export const classStatus = pgEnum("class_status", ["scheduled", "live", "ended", "cancelled"]);
/** How the instructor broadcast: from the browser (WHIP, played over WHEP) or an encoder (RTMPS/SRT, played over HLS). */
export const broadcastMode = pgEnum("broadcast_mode", ["webrtc", "encoder"]);
export const recordingStatus = pgEnum("recording_status", ["none", "processing", "ready", "failed", "deleted"]);

/**
 * A live class: one Cloudflare live input (recording on), a schedule and a price in
 * tokens. The replay is the input's recording (encoder broadcasts) or the browser's own
 * recording uploaded after a WHIP broadcast; enrollees may watch it for the tenant's
 * replay period, and a kept recording later becomes a catalog video.
 */
export const liveClasses = pgTable(
  "live_classes",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    instructorUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    scheduledStart: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    priceTokens: integer().notNull().default(0),
    keepRecording: boolean().notNull().default(true),
    status: classStatus().notNull().default("scheduled"),
    connectionId: uuid()
      .notNull()
      .references(() => cloudflareConnections.id, { onDelete: "restrict" }),
    liveInputUid: text().notNull(),
    broadcastMode: broadcastMode(),
    /** Why Cloudflare last refused the broadcast (a live_input.errored notification), until it reconnects. */
    inputError: text(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** The replay's Cloudflare video uid, once known. */
    recordingUid: text(),
    recordingStatus: recordingStatus().notNull().default("none"),
    recordingDurationSeconds: integer(),
    recordingDeletedAt: timestamp({ withTimezone: true }),
    /** Set when the kept recording became a catalog video. */
    catalogVideoId: uuid().references(() => videos.id, { onDelete: "set null" }),
    /** An uploaded thumbnail for the class cards; it becomes the catalog video's poster. */
    thumbnailImageId: uuid().references(() => images.id, { onDelete: "set null" }),
    currentViewers: integer().notNull().default(0),
    peakViewers: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("live_classes_tenant_start_idx").on(t.tenantId, t.scheduledStart),
    index("live_classes_status_start_idx").on(t.status, t.scheduledStart),
    uniqueIndex("live_classes_input_key").on(t.connectionId, t.liveInputUid),
    index("live_classes_recording_idx").on(t.connectionId, t.recordingUid),
    check("live_classes_duration_check", sql`${t.durationMinutes} between 5 and 720`),
    check("live_classes_price_check", sql`${t.priceTokens} >= 0`),
  ],
);

/** A member's seat in a class; paid once (the ledger row's reference is this row's id). */
export const classEnrollments = pgTable(
  "class_enrollments",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    classId: uuid()
      .notNull()
      .references(() => liveClasses.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pricePaid: integer().notNull(),
    refundedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("class_enrollments_class_user_key").on(t.classId, t.userId),
    index("class_enrollments_user_idx").on(t.tenantId, t.userId),
  ],
);

export const attendanceKind = pgEnum("attendance_kind", ["live", "replay"]);

/**
 * Who watched a class and for how long, live or as a replay: one row per class, viewer and
 * kind, grown by the watch page's heartbeats. While the class is live, the viewers whose
 * last heartbeat is recent are its concurrent audience (the peak is kept on the class).
 */
export const classAttendance = pgTable(
  "class_attendance",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    classId: uuid()
      .notNull()
      .references(() => liveClasses.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: attendanceKind().notNull(),
    secondsWatched: integer().notNull().default(0),
    firstSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastHeartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.userId, t.kind] }),
    // The concurrent audience: a class's viewers by their last heartbeat.
    index("class_attendance_class_heartbeat_idx").on(t.classId, t.kind, t.lastHeartbeatAt),
  ],
);

export type LiveClass = typeof liveClasses.$inferSelect;
export type ClassEnrollment = typeof classEnrollments.$inferSelect;
export type ClassStatus = (typeof classStatus.enumValues)[number];
