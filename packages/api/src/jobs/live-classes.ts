import { type Db, liveClasses, tenants, videos } from "@marquee/db";
import { isStreamError } from "@marquee/stream";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { CloudflareDeps } from "../services/cloudflare/environment";
import { resolveConnectionClient } from "../services/cloudflare/resolve";
import { copyImage } from "../services/images";
import { refreshAudience } from "../services/live/attendance";
import { finishClass, startClass } from "../services/live/classes";
import type { Job } from "./runner";

type Deps = CloudflareDeps & { db: Db; now: () => Date };

const MINUTE = 60_000;
const DAY = 86_400_000;
const BATCH = 200;

/**
 * Follows Cloudflare's live status for classes due now: a scheduled class whose input goes
 * live becomes live; a live class whose input has been quiet past its scheduled end is
 * ended. Records the live viewer count (and the peak) where Cloudflare reports one.
 */
export const liveStatusJob: Job<Deps> = {
  name: "classes.liveStatus",
  everyMs: MINUTE,
  async run(deps) {
    const now = deps.now();
    const due = await deps.db
      .select()
      .from(liveClasses)
      .where(
        and(
          inArray(liveClasses.status, ["scheduled", "live"]),
          lt(liveClasses.scheduledStart, new Date(now.getTime() + 15 * MINUTE)),
          gt(
            sql`${liveClasses.scheduledStart} + make_interval(mins => ${liveClasses.durationMinutes} + 180)`,
            sql`${now.toISOString()}::timestamptz`,
          ),
        ),
      )
      .orderBy(asc(liveClasses.scheduledStart))
      .limit(BATCH);
    const counts = { checked: 0, started: 0, ended: 0, failed: 0 };
    for (const row of due) {
      counts.checked++;
      try {
        const client = await resolveConnectionClient(deps, row.connectionId);
        const status = await client.getLiveStatus(row.liveInputUid);
        const scheduledEnd = row.scheduledStart.getTime() + row.durationMinutes * MINUTE;
        if (status.live && row.status === "scheduled") {
          await startClass(deps.db, row.id, now);
          counts.started++;
        } else if (!status.live && row.status === "live" && now.getTime() > scheduledEnd) {
          await finishClass(deps, row, now);
          counts.ended++;
          continue;
        }
        if (status.live) {
          const viewers = await client.getLiveViewers(row.liveInputUid).catch(() => null);
          if (viewers !== null) {
            await deps.db
              .update(liveClasses)
              .set({ currentViewers: viewers, peakViewers: sql`greatest(${liveClasses.peakViewers}, ${viewers})` })
              .where(eq(liveClasses.id, row.id));
          }
        }
        // Viewers who stopped beating leave the audience of a browser broadcast.
        await refreshAudience(deps.db, row.id, now);
      } catch {
        counts.failed++;
      }
    }
    return counts;
  },
};

/**
 * Daily at 02:00 UTC: deletes on Cloudflare the recordings of classes that ended more than
 * the tenant's replay period ago and are not kept for the catalog. Cloudflare's 404 counts
 * as done; any other failure leaves the class for the next run.
 */
export const recordingsCleanupJob: Job<Deps> = {
  name: "recordings.cleanup",
  everyMs: DAY,
  offsetMs: 2 * 3_600_000,
  async run(deps) {
    const now = deps.now();
    const due = await deps.db
      .select({ id: liveClasses.id, connectionId: liveClasses.connectionId, recordingUid: liveClasses.recordingUid })
      .from(liveClasses)
      .innerJoin(tenants, eq(tenants.id, liveClasses.tenantId))
      .where(
        and(
          eq(liveClasses.status, "ended"),
          eq(liveClasses.keepRecording, false),
          isNotNull(liveClasses.recordingUid),
          isNull(liveClasses.recordingDeletedAt),
          lt(
            sql`${liveClasses.endedAt} + make_interval(days => ${tenants.replayDays})`,
            sql`${now.toISOString()}::timestamptz`,
          ),
        ),
      )
      .limit(BATCH);
    const counts = { deleted: 0, failed: 0 };
    for (const row of due) {
      try {
        const client = await resolveConnectionClient(deps, row.connectionId);
        await client.deleteVideo(row.recordingUid ?? "").catch((error: unknown) => {
          if (!(isStreamError(error) && error.kind === "not_found")) throw error;
        });
        await deps.db
          .update(liveClasses)
          .set({ recordingDeletedAt: now, recordingStatus: "deleted", updatedAt: now })
          .where(and(eq(liveClasses.id, row.id), isNull(liveClasses.recordingDeletedAt)));
        counts.deleted++;
      } catch {
        counts.failed++;
      }
    }
    return counts;
  },
};

/**
 * Daily at 03:00 UTC: kept recordings of classes that ended more than the tenant's catalog
 * delay ago become catalog videos (title, description, duration, thumbnail; the tenant's
 * access level), linked from the class. The class row is locked while it is done, so two runs
 * (or two servers) create one video.
 */
export const migrateToCatalogJob: Job<Deps> = {
  name: "classes.migrateToCatalog",
  everyMs: DAY,
  offsetMs: 3 * 3_600_000,
  async run(deps) {
    const now = deps.now();
    const due = await deps.db
      .select({ id: liveClasses.id })
      .from(liveClasses)
      .innerJoin(tenants, eq(tenants.id, liveClasses.tenantId))
      .where(
        and(
          eq(liveClasses.status, "ended"),
          eq(liveClasses.keepRecording, true),
          eq(liveClasses.recordingStatus, "ready"),
          isNull(liveClasses.catalogVideoId),
          lt(
            sql`${liveClasses.endedAt} + make_interval(days => ${tenants.catalogAfterDays})`,
            sql`${now.toISOString()}::timestamptz`,
          ),
        ),
      )
      .limit(BATCH);
    const counts = { migrated: 0, skipped: 0 };
    for (const { id } of due) {
      const migrated = await deps.db.transaction(async (tx) => {
        const [row] = await tx
          .select({ liveClass: liveClasses, accessLevel: tenants.catalogAccessLevel })
          .from(liveClasses)
          .innerJoin(tenants, eq(tenants.id, liveClasses.tenantId))
          .where(and(eq(liveClasses.id, id), isNull(liveClasses.catalogVideoId)))
          .for("update", { of: liveClasses });
        if (!row?.liveClass.recordingUid) return false;
        const c = row.liveClass;
        const accessLevel = row.accessLevel === "public" ? "public" : "members";
        const [video] = await tx
          .insert(videos)
          .values({
            tenantId: c.tenantId,
            connectionId: c.connectionId,
            cloudflareUid: c.recordingUid ?? "",
            title: c.title,
            description: c.description,
            status: "ready",
            accessLevel,
            // The input recorded with signed URLs required; public videos are signed for every viewer.
            requireSignedUrls: true,
            durationSeconds: c.recordingDurationSeconds,
            posterImageId: c.thumbnailImageId ? await copyImage(tx, c.thumbnailImageId) : null,
            readyAt: now,
          })
          .onConflictDoUpdate({
            target: [videos.connectionId, videos.cloudflareUid],
            set: { updatedAt: now },
          })
          .returning({ id: videos.id });
        if (!video) return false;
        // Conditional as well as locked: whoever links first wins; the video row is one per
        // recording either way (unique connection and uid).
        const linked = await tx
          .update(liveClasses)
          .set({ catalogVideoId: video.id, updatedAt: now })
          .where(and(eq(liveClasses.id, c.id), isNull(liveClasses.catalogVideoId)))
          .returning({ id: liveClasses.id });
        return linked.length > 0;
      });
      if (migrated) counts.migrated++;
      else counts.skipped++;
    }
    return counts;
  },
};
