import { type Db, videos } from "@marquee/db";
import { and, eq, gt, inArray, lt } from "drizzle-orm";
import type { CloudflareDeps } from "../cloudflare/environment";
import { resolveConnectionClient } from "../cloudflare/resolve";
import { applyVideoState, fromStreamVideo } from "../cloudflare/video-state";

type Deps = CloudflareDeps & { db: Db; now: Date };

const REFRESH_EVERY_MS = 4000;
const MAX_PER_CALL = 5;

/**
 * Cloudflare's webhook only reports the end of processing; while an admin watches the
 * list, ask Cloudflare about a few recent in-flight videos (each at most every 4 s) so
 * the console shows queued and processing percentages live. Failures are left to the
 * webhook and the reconcile job.
 */
export async function refreshInFlightVideos(deps: Deps, tenantId: string, videoId?: string) {
  const stale = new Date(deps.now.getTime() - REFRESH_EVERY_MS);
  const recent = new Date(deps.now.getTime() - 24 * 3_600_000);
  const rows = await deps.db
    .select({ id: videos.id, uid: videos.cloudflareUid, connectionId: videos.connectionId })
    .from(videos)
    .where(
      and(
        eq(videos.tenantId, tenantId),
        videoId ? eq(videos.id, videoId) : undefined,
        inArray(videos.status, ["pendingupload", "queued", "inprogress"]),
        lt(videos.updatedAt, stale),
        gt(videos.createdAt, recent),
      ),
    )
    .limit(MAX_PER_CALL);
  await Promise.all(
    rows.map(async (row) => {
      await deps.db.update(videos).set({ updatedAt: deps.now }).where(eq(videos.id, row.id));
      try {
        const client = await resolveConnectionClient(deps, row.connectionId);
        const remote = fromStreamVideo(await client.getVideo(row.uid));
        if (remote) await applyVideoState(deps.db, row.id, remote, deps.now);
      } catch {
        // Best effort: the webhook or the reconcile job will bring the truth.
      }
    }),
  );
}
