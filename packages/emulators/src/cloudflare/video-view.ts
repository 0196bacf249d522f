import type { Emulator } from "./context.ts";
import type { Video } from "./types.ts";
import { customerDomainBase } from "./urls.ts";

/** The Video object as the API and webhooks show it (field set of the SDK's `Video`). */
export function toApiVideo(emu: Emulator, video: Video) {
  const account = emu.store.account(video.accountId);
  const cdn = customerDomainBase(emu.baseUrl, account?.customerCode ?? "unknown");
  const ready = video.state === "ready";
  return {
    uid: video.uid,
    creator: video.creator,
    thumbnail: `${cdn}/${video.uid}/thumbnails/thumbnail.jpg`,
    thumbnailTimestampPct: video.thumbnailTimestampPct,
    readyToStream: ready,
    readyToStreamAt: video.readyToStreamAt,
    status: {
      state: video.state,
      ...(video.pctComplete === null ? {} : { pctComplete: video.pctComplete }),
      errorReasonCode: video.errorReasonCode,
      errorReasonText: video.errorReasonText,
      ...(video.state === "error" ? { step: "encoding" } : {}),
    },
    meta: video.meta,
    created: video.created,
    modified: video.modified,
    uploaded: video.uploaded,
    scheduledDeletion: video.scheduledDeletion,
    size: video.size ?? 0,
    preview: `${cdn}/${video.uid}/watch`,
    allowedOrigins: video.allowedOrigins,
    requireSignedURLs: video.requireSignedURLs,
    uploadExpiry: video.uploadExpiry,
    maxSizeBytes: null,
    maxDurationSeconds: video.maxDurationSeconds,
    duration: video.duration,
    input: { width: video.width, height: video.height },
    playback: { hls: `${cdn}/${video.uid}/manifest/video.m3u8`, dash: `${cdn}/${video.uid}/manifest/video.mpd` },
    watermark: null,
    ...(video.liveInput ? { liveInput: video.liveInput } : {}),
    clippedFrom: null,
    publicDetails: video.publicDetails,
  };
}

export type ApiVideo = ReturnType<typeof toApiVideo>;
