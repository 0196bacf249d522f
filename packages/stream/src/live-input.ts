import type { LiveInput } from "cloudflare/resources/stream/live-inputs/live-inputs";
import { toStringRecord } from "./meta";

export type LiveInputRecording = {
  mode: "off" | "automatic";
  requireSignedURLs: boolean;
  allowedOrigins: string[];
  /** How long a disconnect may last before a new recording starts; 0 = Cloudflare's default. */
  timeoutSeconds: number;
  hideLiveViewerCount: boolean;
};

/** Ingest credentials (rtmps, srt, webRtcUrl) are secrets: show them to the instructor only. */
export type StreamLiveInput = {
  uid: string;
  name: string | null;
  meta: Record<string, string>;
  enabled: boolean;
  /** "connected", "reconnecting", ... or null when idle. */
  status: string | null;
  recording: LiveInputRecording;
  deleteRecordingAfterDays: number | null;
  rtmps: { url: string; streamKey: string } | null;
  srt: { url: string; streamId: string; passphrase: string } | null;
  /** WHIP publish URL; it embeds a secret. */
  webRtcUrl: string | null;
  /** WHEP playback URL. */
  webRtcPlaybackUrl: string | null;
  created: string | null;
  modified: string | null;
};

// The spec says a string; third-party clients and the Queues events see {current:{state}}.
function readStatus(status: unknown): string | null {
  if (typeof status === "string") return status;
  if (typeof status === "object" && status !== null && "current" in status) {
    const current: unknown = status.current;
    if (typeof current === "object" && current !== null && "state" in current && typeof current.state === "string") {
      return current.state;
    }
  }
  return null;
}

export function toStreamLiveInput(input: LiveInput): StreamLiveInput {
  const meta = toStringRecord(input.meta);
  const rec = input.recording;
  return {
    uid: input.uid ?? "",
    name: meta.name ?? null,
    meta,
    enabled: input.enabled !== false,
    status: readStatus(input.status),
    recording: {
      mode: rec?.mode === "automatic" ? "automatic" : "off",
      requireSignedURLs: rec?.requireSignedURLs === true,
      allowedOrigins: rec?.allowedOrigins ?? [],
      timeoutSeconds: rec?.timeoutSeconds ?? 0,
      hideLiveViewerCount: rec?.hideLiveViewerCount === true,
    },
    deleteRecordingAfterDays: input.deleteRecordingAfterDays ?? null,
    rtmps:
      input.rtmps?.url && input.rtmps.streamKey ? { url: input.rtmps.url, streamKey: input.rtmps.streamKey } : null,
    srt:
      input.srt?.url && input.srt.streamId && input.srt.passphrase
        ? { url: input.srt.url, streamId: input.srt.streamId, passphrase: input.srt.passphrase }
        : null,
    webRtcUrl: input.webRTC?.url ?? null,
    webRtcPlaybackUrl: input.webRTCPlayback?.url ?? null,
    created: input.created ?? null,
    modified: input.modified ?? null,
  };
}
