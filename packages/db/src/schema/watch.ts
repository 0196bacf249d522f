import { index, integer, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";
import { videos } from "./videos";

/** One viewing of a video by a member, grown by the player's heartbeats. */
export const watchSessions = pgTable(
  "watch_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    videoId: uuid()
      .notNull()
      .references(() => videos.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secondsWatched: integer().notNull().default(0),
    furthestPosition: real().notNull().default(0),
    lastPosition: real().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastHeartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // With the viewer last, a video's distinct viewers over a period are read from the index alone.
    index("watch_sessions_video_started_idx").on(t.tenantId, t.videoId, t.startedAt, t.userId),
    index("watch_sessions_user_video_idx").on(t.userId, t.videoId, t.lastHeartbeatAt),
    // The rollup reads a few days of sessions across tenants; pruning deletes the oldest.
    index("watch_sessions_started_idx").on(t.startedAt),
  ],
);

/** Every playback token we sign, for audit: who got access to what, until when. */
export const playbackAccessLog = pgTable(
  "playback_access_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    videoId: uuid()
      .notNull()
      .references(() => videos.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    ipAddress: text(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("playback_access_log_tenant_issued_idx").on(t.tenantId, t.issuedAt)],
);

export type WatchSession = typeof watchSessions.$inferSelect;
