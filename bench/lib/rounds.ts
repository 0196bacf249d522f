import type { BenchOptions } from "./options.ts";

/** Something measured in slices: `warm` runs load that is thrown away, `measure` records a slice. */
export type Workload = {
  label: string;
  warm: (seconds: number) => Promise<unknown>;
  measure: (seconds: number) => Promise<void>;
};

/**
 * Warms every workload, then measures them in interleaved rounds: a burst of other work on a
 * shared machine then hits every workload alike, and same-round ratios stay comparable.
 */
export async function runInterleaved(
  workloads: Workload[],
  options: Pick<BenchOptions, "warmup" | "rounds" | "sliceSeconds">,
) {
  console.log(`warming up ${options.warmup} s per target…`);
  for (const workload of workloads) await workload.warm(options.warmup);
  for (let round = 1; round <= options.rounds; round++) {
    process.stdout.write(`round ${round}/${options.rounds}…\n`);
    for (const workload of workloads) await workload.measure(options.sliceSeconds);
  }
}

/** Same-round ratios of two lists of per-slice rates: their spread shows how noisy the machine was. */
export function ratiosPerRound(numerators: number[], denominators: number[]): number[] {
  return numerators.flatMap((value, round) => {
    const denominator = denominators[round];
    return denominator ? [value / denominator] : [];
  });
}
