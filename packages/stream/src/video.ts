import type { Video } from "cloudflare/resources/stream/stream";
import { toStringRecord } from "./meta";

export type VideoState =
  | "pendingupload"
  | "downloading"
  | "queued"
  | "inprogress"
  | "ready"
  | "error"
  | "live-inprogress";

const VIDEO_STATES: readonly string[] = [
  "pendingupload",
  "downloading",
  "queued",
  "inprogress",
  "ready",
  "error",
  "live-inprogress",
];

/** The parts of a Cloudflare video the app uses; unknown values (-1, "") become null. */
export type StreamVideo = {
  uid: string;
  name: string | null;
  meta: Record<string, string>;
  creator: string | null;
  /** null when Cloudflare reports a state this adapter does not know yet. */
  state: VideoState | null;
  pctComplete: number | null;
  errorReasonCode: string | null;
  errorReasonText: string | null;
  readyToStream: boolean;
  requireSignedURLs: boolean;
  allowedOrigins: string[];
  durationSeconds: number | null;
  sizeBytes: number | null;
  width: number | null;
  height: number | null;
  thumbnailTimestampPct: number | null;
  maxDurationSeconds: number | null;
  liveInputUid: string | null;
  created: string | null;
  modified: string | null;
  uploaded: string | null;
  uploadExpiry: string | null;
  readyToStreamAt: string | null;
  scheduledDeletion: string | null;
  hlsUrl: string | null;
  dashUrl: string | null;
  thumbnailUrl: string | null;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function positive(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : null;
}

/** Also used for webhook bodies, which are a bare Video object; tolerant of schema drift (string numbers, nulls). */
export function toStreamVideo(video: Video): StreamVideo {
  const meta = toStringRecord(video.meta);
  const state = video.status?.state;
  return {
    uid: video.uid ?? "",
    name: text(meta.name),
    meta,
    creator: text(video.creator),
    state: typeof state === "string" && VIDEO_STATES.includes(state) ? (state as VideoState) : null,
    // pctComplete is a string such as "39.000000" in the API.
    pctComplete: positive(video.status?.pctComplete),
    errorReasonCode: text(video.status?.errorReasonCode),
    errorReasonText: text(video.status?.errorReasonText),
    readyToStream: video.readyToStream === true,
    requireSignedURLs: video.requireSignedURLs === true,
    allowedOrigins: Array.isArray(video.allowedOrigins)
      ? video.allowedOrigins.filter((o) => typeof o === "string")
      : [],
    durationSeconds: positive(video.duration),
    sizeBytes: positive(video.size),
    width: positive(video.input?.width),
    height: positive(video.input?.height),
    thumbnailTimestampPct: positive(video.thumbnailTimestampPct),
    maxDurationSeconds: positive(video.maxDurationSeconds),
    liveInputUid: text(video.liveInput),
    created: text(video.created),
    modified: text(video.modified),
    uploaded: text(video.uploaded),
    uploadExpiry: text(video.uploadExpiry),
    readyToStreamAt: text(video.readyToStreamAt),
    scheduledDeletion: text(video.scheduledDeletion),
    hlsUrl: text(video.playback?.hls),
    dashUrl: text(video.playback?.dash),
    thumbnailUrl: text(video.thumbnail),
  };
}
