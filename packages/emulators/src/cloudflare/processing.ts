import { join } from "node:path";
import type { Emulator } from "./context.ts";
import type { Video } from "./types.ts";
import { notifyVideo } from "./webhooks.ts";

export const sourceFile = (emu: Emulator, uid: string) => join(emu.store.paths.video(uid), "source");
export const hlsDir = (emu: Emulator, uid: string) => join(emu.store.paths.video(uid), "hls");

export const pct = (value: number) => value.toFixed(6);

export function touch(emu: Emulator, video: Video, patch: Partial<Video>) {
  Object.assign(video, patch, { modified: emu.clock.stamp() });
  emu.store.changed();
}

export function failVideo(emu: Emulator, video: Video, code: string, text: string) {
  touch(emu, video, { state: "error", pctComplete: null, errorReasonCode: code, errorReasonText: text });
  notifyVideo(emu, video);
}

export function markReady(emu: Emulator, video: Video, patch: Partial<Video> = {}) {
  touch(emu, video, { ...patch, state: "ready", pctComplete: pct(100), readyToStreamAt: emu.clock.stamp() });
  notifyVideo(emu, video);
}

/**
 * queued -> inprogress (pctComplete steps) -> ready | error, one step every `stepMs`, while ffmpeg
 * probes and encodes the real file so the result plays in any HLS player.
 */
export async function processVideo(emu: Emulator, video: Video): Promise<void> {
  const alive = () => !emu.timers.closed() && emu.store.video(video.accountId, video.uid) === video;
  touch(emu, video, { state: "queued", pctComplete: null });
  await emu.timers.sleep(emu.stepMs);
  if (!alive()) return;

  const probe = await emu.media.probe(sourceFile(emu, video.uid));
  if (!alive()) return;
  if (!probe.hasVideo || probe.duration === null) {
    return failVideo(emu, video, "ERR_NON_VIDEO", "The file was not recognized as a valid video file.");
  }
  if (probe.duration < 0.1) {
    return failVideo(emu, video, "ERR_DURATION_TOO_SHORT", "The video's duration is shorter than 0.1 seconds.");
  }
  if (video.maxDurationSeconds !== null && probe.duration > video.maxDurationSeconds) {
    const text = `The video duration (${probe.duration}s) exceeds the maximum of ${video.maxDurationSeconds}s defined for this upload.`;
    return failVideo(emu, video, "ERR_DURATION_EXCEED_CONSTRAINT", text);
  }
  touch(emu, video, {
    state: "inprogress",
    pctComplete: pct(0),
    duration: probe.duration,
    width: probe.width,
    height: probe.height,
  });

  const encoding = emu.media.encodeHls(sourceFile(emu, video.uid), hlsDir(emu, video.uid)).then(
    () => null,
    (error: unknown) => error,
  );
  for (const step of [25, 50, 75]) {
    await emu.timers.sleep(emu.stepMs);
    if (!alive()) return;
    touch(emu, video, { pctComplete: pct(step) });
  }
  const error = await encoding;
  if (!alive()) return;
  if (error) {
    emu.log(`encoding ${video.uid} failed: ${error instanceof Error ? error.message : String(error)}`);
    return failVideo(emu, video, "ERR_MALFORMED_VIDEO", "The video contains corrupt data that cannot be recovered.");
  }
  markReady(emu, video, { rendition: { kind: "encoded" } });
}
