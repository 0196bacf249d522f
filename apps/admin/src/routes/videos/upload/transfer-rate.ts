type Sample = { at: number; bytes: number };

/** Speed over the last few seconds, so one slow or fast chunk does not swing the estimate. */
const WINDOW_MS = 5_000;

export type TransferRate = { bytesPerSecond: number | null; secondsLeft: number | null };

export function createRateMeter() {
  let samples: Sample[] = [];
  return {
    /** Forget the history, e.g. after a pause: the idle time is not part of the speed. */
    reset() {
      samples = [];
    },
    measure(bytes: number, total: number, at = performance.now()): TransferRate {
      samples.push({ at, bytes });
      samples = samples.filter((sample) => at - sample.at <= WINDOW_MS);
      const first = samples[0];
      if (!first || at - first.at < 500 || bytes <= first.bytes) return { bytesPerSecond: null, secondsLeft: null };
      const bytesPerSecond = ((bytes - first.bytes) * 1000) / (at - first.at);
      return { bytesPerSecond, secondsLeft: Math.max(0, (total - bytes) / bytesPerSecond) };
    },
  };
}
