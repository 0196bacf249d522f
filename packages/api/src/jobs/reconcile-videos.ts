import { type Db, videos } from "@marquee/db";
import { isStreamError } from "@marquee/stream";
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { CloudflareDeps } from "../services/cloudflare/environment";
import { resolveConnectionClient } from "../services/cloudflare/resolve";
import { applyVideoState, fromStreamVideo } from "../services/cloudflare/video-state";
import type { Job } from "./runner";

type Deps = CloudflareDeps & { db: Db; now: () => Date };

const STUCK_AFTER_MS = 15 * 60_000;
const BATCH = 200;

/**
 * Asks Cloudflare about videos still not ready or failed 15 minutes after their upload
 * URL was handed out, so a lost webhook never leaves a video stuck. A video Cloudflare
 * no longer knows (an upload that never came, then expired) is marked as failed.
 */
export const reconcileVideosJob: Job<Deps> = {
  name: "reconcile-videos",
  everyMs: 10 * 60_000,
  async run(deps) {
    const cutoff = new Date(deps.now().getTime() - STUCK_AFTER_MS);
    const stuck = await deps.db
      .select({ id: videos.id, uid: videos.cloudflareUid, connectionId: videos.connectionId })
      .from(videos)
      .where(and(inArray(videos.status, ["pendingupload", "queued", "inprogress"]), lt(videos.createdAt, cutoff)))
      .orderBy(asc(videos.createdAt))
      .limit(BATCH);
    const counts = { checked: 0, updated: 0, missing: 0, failed: 0 };
    for (const video of stuck) {
      counts.checked++;
      try {
        const client = await resolveConnectionClient(deps, video.connectionId);
        const remote = fromStreamVideo(await client.getVideo(video.uid));
        if (!remote) continue;
        await applyVideoState(deps.db, video.id, remote, deps.now());
        counts.updated++;
      } catch (error) {
        if (isStreamError(error) && error.kind === "not_found") {
          await deps.db
            .update(videos)
            .set({
              status: "error",
              errorReasonCode: "ERR_UPLOAD_MISSING",
              errorReasonText: "The upload never completed, and Cloudflare no longer has this video.",
              updatedAt: deps.now(),
            })
            .where(eq(videos.id, video.id));
          counts.missing++;
        } else {
          counts.failed++;
        }
      }
    }
    return counts;
  },
};
