import { performance } from "node:perf_hooks";

/** Runs `work`, prints how long it took under `label`, and hands back its result and the milliseconds. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(44)} ${formatDuration(ms)}`);
  return { value, ms };
}

export const formatDuration = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** Nearest-rank percentile: with 50 samples, p99 is the slowest one. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
