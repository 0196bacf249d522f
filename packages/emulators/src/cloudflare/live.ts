import type { Emulator } from "./context.ts";
import { ApiError, codes } from "./envelope.ts";
import { loopDuration, segmentsFor } from "./live-source.ts";
import { markReady, pct, touch } from "./processing.ts";
import type { LiveInput } from "./types.ts";
import { createVideo, storageUsage } from "./video-factory.ts";

type LiveEvent = "live_input.connected" | "live_input.disconnected" | "live_input.errored";

/**
 * Lifecycle notifications come from Cloudflare Notifications, not the Stream webhook: a JSON POST carrying the
 * destination's secret verbatim in `cf-webhook-auth`, no HMAC (fact sheet §7.6).
 */
export function notifyLifecycle(
  emu: Emulator,
  input: LiveInput,
  event: LiveEvent,
  error?: { code: string; message: string },
) {
  const destination = emu.store.account(input.accountId)?.liveNotification;
  if (!destination) return null;
  const now = emu.clock.now();
  const body = JSON.stringify({
    name: destination.name,
    text: `Stream Live Input ${input.uid}: ${event}`,
    data: {
      notification_name: "Stream Live Input",
      input_id: input.uid,
      event_type: event,
      updated_at: now.toISOString(),
      ...(error ? { live_input_errored: { error, video_codec: "h264", audio_codec: "aac" } } : {}),
    },
    ts: Math.floor(now.getTime() / 1000),
  });
  return emu.dispatcher.send({
    accountId: input.accountId,
    kind: "live_input",
    subject: input.uid,
    url: destination.url,
    body,
    headers: () => ({ "cf-webhook-auth": destination.secret }),
  });
}

export function errored(emu: Emulator, input: LiveInput, code: string, message: string) {
  return notifyLifecycle(emu, input, "live_input.errored", { code, message });
}

/** A broadcaster starts: the input goes live; with recording on, a `live-inprogress` video appears. */
export async function connect(emu: Emulator, input: LiveInput) {
  if (!input.enabled) throw new ApiError(409, codes.badRequest, "The live input is disabled and refuses connections");
  if (input.session) return input.session;
  const account = emu.store.account(input.accountId);
  if (account && storageUsage(emu, account.id).minutes >= account.storageLimitMinutes) {
    errored(emu, input, "ERR_STORAGE_QUOTA_EXHAUSTED", "Storage quota exhausted");
    throw new ApiError(413, codes.storageExceeded, "Storage capacity exceeded: the broadcast was refused");
  }
  const source = await emu.liveSource();
  const startedAt = emu.clock.now().getTime();
  const video =
    input.recording.mode === "automatic"
      ? createVideo(emu, input.accountId, {
          uploadKind: "live",
          state: "live-inprogress",
          liveInput: input.uid,
          creator: input.defaultCreator,
          meta: { ...input.meta },
          requireSignedURLs: input.recording.requireSignedURLs,
          allowedOrigins: input.recording.allowedOrigins ?? [],
          width: source.width,
          height: source.height,
          rendition: { kind: "loop", segmentCount: null, liveSince: startedAt },
        })
      : null;
  return start(emu, input, { startedAt, videoUid: video?.uid ?? null });
}

/** A WHIP broadcaster's media flows: live with no recording, playable over WHEP only (fact sheet §7.3). */
export function connectWebRtc(emu: Emulator, input: LiveInput) {
  return start(emu, input, { startedAt: emu.clock.now().getTime(), videoUid: null, protocol: "webrtc" });
}

function start(emu: Emulator, input: LiveInput, session: NonNullable<LiveInput["session"]>) {
  input.session = session;
  input.status = "connected";
  emu.store.changed();
  notifyLifecycle(emu, input, "live_input.connected");
  return session;
}

/** Ends a WebRTC broadcast without notifications, when its peer went away with the process (close, restart). */
export function forgetWebRtcSession(input: LiveInput) {
  if (input.session?.protocol !== "webrtc") return;
  input.session = null;
  input.status = "client_disconnect";
  input.viewers = 0;
}

/**
 * The broadcaster leaves (a WHIP one is hung up, with its viewers): the recording (the looped source, as long as the
 * broadcast) becomes a ready video.
 */
export function disconnect(emu: Emulator, input: LiveInput) {
  emu.webrtc.drop(input.uid);
  const session = input.session;
  if (!session) return null;
  input.session = null;
  input.status = "client_disconnect";
  input.viewers = 0;
  emu.store.changed();
  notifyLifecycle(emu, input, "live_input.disconnected");
  const video = session.videoUid ? emu.store.video(input.accountId, session.videoUid) : undefined;
  if (!video) return null;
  const seconds = (emu.clock.now().getTime() - session.startedAt) / 1000;
  touch(emu, video, { state: "inprogress", pctComplete: pct(50), uploaded: emu.clock.stamp() });
  emu.timers.after(emu.stepMs, async () => {
    if (emu.store.video(video.accountId, video.uid) !== video) return;
    const source = await emu.liveSource();
    const count = segmentsFor(source, seconds);
    const days = input.deleteRecordingAfterDays;
    markReady(emu, video, {
      duration: loopDuration(source, count),
      rendition: { kind: "loop", segmentCount: count, liveSince: null },
      scheduledDeletion: days ? new Date(emu.clock.now().getTime() + days * 86_400_000).toISOString() : null,
    });
  });
  return video;
}
