import { type DbOrTx, liveClasses } from "@marquee/db";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { CloudflareVideo } from "../cloudflare/video-state";

/**
 * A Cloudflare video that is a class's replay: the browser recording uploaded after a WHIP
 * broadcast (known by uid), or an encoder broadcast's recording (known by its live input).
 * Returns whether a class took it.
 */
export async function applyRecordingState(
  db: DbOrTx,
  connectionId: string,
  video: CloudflareVideo,
  now: Date,
): Promise<boolean> {
  const state = video.status.state;
  if (state === "live-inprogress") return false;
  const recordingStatus = state === "ready" ? "ready" : state === "error" ? "failed" : "processing";
  const duration = video.duration !== undefined && video.duration >= 0 ? Math.round(video.duration) : null;
  const byUid = eq(liveClasses.recordingUid, video.uid);
  const byInput = video.liveInput
    ? and(
        eq(liveClasses.liveInputUid, video.liveInput),
        isNull(liveClasses.recordingUid),
        inArray(liveClasses.status, ["live", "ended"]),
      )
    : undefined;
  const updated = await db
    .update(liveClasses)
    .set({ recordingUid: video.uid, recordingStatus, recordingDurationSeconds: duration, updatedAt: now })
    .where(
      and(
        eq(liveClasses.connectionId, connectionId),
        byInput ? or(byUid, byInput) : byUid,
        // A deleted recording stays deleted whatever arrives late.
        isNull(liveClasses.recordingDeletedAt),
      ),
    )
    .returning({ id: liveClasses.id });
  return updated.length > 0;
}
