import { canKeepRecordings, keptRecordingName } from "./kept-recordings";
import { diskSink, type FinishedRecording, memorySink, type RecordingSink } from "./recording-sink";

// In order of preference: WebM with VP8/Opus is what Cloudflare transcodes most reliably.
const RECORDING_TYPES = ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"];
const TIMESLICE_MS = 1_000;

export type LocalRecording = {
  /** Stops recording; the whole recording, or null when nothing was captured. */
  finish: () => Promise<FinishedRecording | null>;
  /** Stops recording and drops what was captured. */
  discard: () => void;
  /** The page goes away: what is already in the browser's storage stays there, to upload later. */
  abandon: () => void;
};

export type LocalRecordingOptions = {
  classId: string;
  /** Whether the recording is being kept in the browser's storage as it goes (it may fall back to memory). */
  onKept: (kept: boolean) => void;
};

export function canRecordLocally(): boolean {
  return typeof MediaRecorder !== "undefined";
}

function openSink(name: string, onKept: (kept: boolean) => void): RecordingSink {
  if (!canKeepRecordings()) return memorySink();
  try {
    return diskSink(name, onKept);
  } catch {
    return memorySink();
  }
}

/**
 * Records the broadcast's own stream, one chunk a second: Cloudflare does not record WebRTC
 * broadcasts, so this is what becomes the replay. Each chunk goes to a file in the browser's
 * storage where it can (an hour is about a gigabyte), else to memory. Null when the browser
 * cannot record.
 */
export function startLocalRecording(stream: MediaStream, options: LocalRecordingOptions): LocalRecording | null {
  if (!canRecordLocally()) return null;
  const mimeType = RECORDING_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
  } catch {
    return null;
  }
  const type = recorder.mimeType || mimeType || "video/webm";
  const sink = openSink(keptRecordingName(options.classId, new Date(), type), options.onKept);
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) sink.append(event.data);
  };
  try {
    recorder.start(TIMESLICE_MS);
  } catch {
    void sink.discard();
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
      return sink.finish(type);
    },
    discard: () => {
      recorder.ondataavailable = null;
      if (recorder.state !== "inactive") recorder.stop();
      void sink.discard();
    },
    abandon: () => {
      void stop().then(() => sink.abandon());
    },
  };
}
