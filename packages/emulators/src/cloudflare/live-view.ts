import type { Emulator } from "./context.ts";
import type { LiveInput } from "./types.ts";
import { customerDomainBase } from "./urls.ts";

/** Full LiveInput (fact sheet §7.3); ingest URLs name the emulator's host, though nothing listens for RTMPS/SRT. */
export function toApiLiveInput(emu: Emulator, input: LiveInput) {
  const account = emu.store.account(input.accountId);
  const cdn = customerDomainBase(emu.baseUrl, account?.customerCode ?? "unknown");
  const host = new URL(emu.baseUrl).hostname;
  const playbackKey = `${input.srtPassphrase.slice(0, 32)}k${input.uid}`;
  return {
    ...toApiLiveInputSummary(input),
    recording: input.recording,
    defaultCreator: input.defaultCreator ?? "",
    preferLowLatency: input.preferLowLatency,
    rtmps: { url: `rtmps://${host}:443/live/`, streamKey: input.streamKey },
    rtmpsPlayback: { url: `rtmps://${host}:443/live/`, streamKey: playbackKey },
    srt: { url: `srt://${host}:778`, streamId: input.uid, passphrase: input.srtPassphrase },
    srtPlayback: { url: `srt://${host}:778`, streamId: `play${input.uid}`, passphrase: input.srtPassphrase.slice(32) },
    webRTC: { url: `${cdn}/${input.webRtcSecret}/webRTC/publish` },
    webRTCPlayback: { url: `${cdn}/${input.uid}/webRTC/play` },
    status: input.status,
    ...(input.keysRotatedAt ? { keysRotatedAt: input.keysRotatedAt } : {}),
  };
}

/** The list omits credentials (fact sheet §7.1). */
export function toApiLiveInputSummary(input: LiveInput) {
  return {
    uid: input.uid,
    created: input.created,
    modified: input.modified,
    meta: input.meta,
    deleteRecordingAfterDays: input.deleteRecordingAfterDays,
    enabled: input.enabled,
  };
}
