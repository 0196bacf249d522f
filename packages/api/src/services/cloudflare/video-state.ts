import { type DbOrTx, type VideoStatus, videos } from "@marquee/db";
import type { StreamVideo } from "@marquee/stream";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";

const STATES = ["pendingupload", "downloading", "queued", "inprogress", "ready", "error", "live-inprogress"] as const;

/** The fields of Cloudflare's Video object we read; everything else passes through untouched. */
export const cloudflareVideoSchema = z.object({
  uid: z.string().min(1).max(64),
  modified: z.string().optional(),
  duration: z.number().optional(),
  size: z.number().optional(),
  thumbnail: z.string().optional(),
  /** Set on a live input's recording. */
  liveInput: z.string().max(64).optional(),
  input: z.object({ width: z.number().optional(), height: z.number().optional() }).partial().optional(),
  status: z.object({
    state: z.enum(STATES),
    pctComplete: z.union([z.string(), z.number()]).optional(),
    errorReasonCode: z.string().optional(),
    errorReasonText: z.string().optional(),
  }),
});

export type CloudflareVideo = z.infer<typeof cloudflareVideoSchema>;

function toStatus(state: CloudflareVideo["status"]["state"]): VideoStatus {
  if (state === "downloading") return "queued";
  if (state === "live-inprogress") return "inprogress";
  return state;
}

const known = (value: number | undefined) => (value === undefined || value < 0 ? null : value);

/**
 * Applies Cloudflare's view of a video to our row, unless we already hold a newer one
 * (deliveries and reconcile reads can arrive out of order).
 */
export async function applyVideoState(db: DbOrTx, videoId: string, video: CloudflareVideo, now: Date) {
  const modified = video.modified ? new Date(video.modified) : null;
  const status = toStatus(video.status.state);
  const percent = video.status.pctComplete === undefined ? null : Number(video.status.pctComplete);
  await db
    .update(videos)
    .set({
      status,
      processingPercent: Number.isFinite(percent) ? percent : null,
      errorReasonCode: status === "error" ? video.status.errorReasonCode || "ERR_UNKNOWN" : null,
      errorReasonText:
        status === "error" ? video.status.errorReasonText || "Cloudflare could not process this file." : null,
      durationSeconds: known(video.duration),
      sizeBytes: known(video.size),
      width: known(video.input?.width),
      height: known(video.input?.height),
      thumbnailUrl: video.thumbnail ?? null,
      readyAt: status === "ready" ? now : null,
      cloudflareModifiedAt: modified,
      updatedAt: now,
    })
    .where(
      and(
        eq(videos.id, videoId),
        modified ? or(isNull(videos.cloudflareModifiedAt), lt(videos.cloudflareModifiedAt, modified)) : undefined,
      ),
    );
}

/** The adapter's reading of a video (reconcile) in the shape webhooks deliver. */
export function fromStreamVideo(video: StreamVideo): CloudflareVideo | null {
  if (!video.state) return null;
  return {
    uid: video.uid,
    modified: video.modified ?? undefined,
    duration: video.durationSeconds ?? undefined,
    size: video.sizeBytes ?? undefined,
    thumbnail: video.thumbnailUrl ?? undefined,
    liveInput: video.liveInputUid ?? undefined,
    input: { width: video.width ?? undefined, height: video.height ?? undefined },
    status: {
      state: video.state,
      pctComplete: video.pctComplete ?? undefined,
      errorReasonCode: video.errorReasonCode ?? undefined,
      errorReasonText: video.errorReasonText ?? undefined,
    },
  };
}
