// In order of preference: WebM with VP8/Opus is what Cloudflare transcodes most reliably.
const RECORDING_TYPES = ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"];
const TIMESLICE_MS = 1_000;

export type LocalRecording = {
  /** Stops recording; the whole recording, or null when nothing was captured. */
  finish: () => Promise<Blob | null>;
  /** Stops recording and drops what was captured. */
  discard: () => void;
};

export function canRecordLocally(): boolean {
  return typeof MediaRecorder !== "undefined";
}

/**
 * Records the broadcast's own stream in memory, one chunk a second: Cloudflare does not
 * record WebRTC broadcasts, so this is what becomes the replay. Null when the browser cannot.
 */
export function startLocalRecording(stream: MediaStream): LocalRecording | null {
  if (!canRecordLocally()) return null;
  const mimeType = RECORDING_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
  let chunks: Blob[] = [];
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.start(TIMESLICE_MS);
  } catch {
    return null;
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (recorder.state === "inactive") return resolve();
      // The last chunk arrives in a dataavailable event just before "stop".
      recorder.addEventListener("stop", () => resolve(), { once: true });
      recorder.stop();
    });
  return {
    finish: async () => {
      await stop();
      if (chunks.length === 0) return null;
      return new Blob(chunks, { type: recorder.mimeType || mimeType || "video/webm" });
    },
    discard: () => {
      chunks = [];
      if (recorder.state !== "inactive") recorder.stop();
    },
  };
}
