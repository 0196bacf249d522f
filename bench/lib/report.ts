import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { dirname } from "node:path";
import type { Figures } from "./measure.ts";
import type { BenchOptions } from "./options.ts";

export type Ratios = {
  authMeOverTrivial: number;
  authMeOverBare: number;
  /** trivial's CPU per request over auth.me's (server + database): the ratio without a shared machine's noise. */
  authMeOverTrivialByCpu: number | null;
  /** The same ratio in each interleaved round: their spread shows how noisy the machine was. */
  authMeOverTrivialPerRound: number[];
};

export const GOAL_AUTH_ME_OVER_TRIVIAL = 0.7;

export const FIGURE_COLUMNS = [
  "target",
  "req/s",
  "p50 ms",
  "p99 ms",
  "avg ms",
  "requests",
  "server µs/req",
  "db µs/req",
];

export const formatUs = (value: number | null) => (value === null ? "n/a" : value.toFixed(0));

/** One row of FIGURE_COLUMNS. */
export function figureCells(f: Figures): string[] {
  return [
    f.label,
    f.requestsPerSecond.toFixed(0),
    f.p50Ms.toFixed(1),
    f.p99Ms.toFixed(1),
    f.averageMs.toFixed(2),
    String(f.requests),
    formatUs(f.serverCpuUs),
    formatUs(f.databaseCpuUs),
  ];
}

/** Prints rows under a header, the first column left-aligned and the others right-aligned. */
export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) console.log(line(row));
}

export function printLoadShape(options: BenchOptions) {
  console.log(
    `\n${options.connections} connections, ${options.duration} s per target in ${options.rounds} interleaved rounds, after ${options.warmup} s warm-up\n`,
  );
}

/** Prints the ratio of each round after the overall one, when there was more than one round. */
export function formatPerRound(ratios: number[]): string {
  return ratios.length > 1 ? `  per round: ${ratios.map((ratio) => ratio.toFixed(2)).join(" ")}` : "";
}

export function printReport(figures: Figures[], ratios: Ratios, options: BenchOptions) {
  printLoadShape(options);
  printTable(FIGURE_COLUMNS, figures.map(figureCells));
  const verdict = ratios.authMeOverTrivial >= GOAL_AUTH_ME_OVER_TRIVIAL ? "meets" : "MISSES";
  console.log(
    `\nauth.me / trivial = ${ratios.authMeOverTrivial.toFixed(2)}  (${verdict} the goal of ${GOAL_AUTH_ME_OVER_TRIVIAL})`,
  );
  const rounds = formatPerRound(ratios.authMeOverTrivialPerRound);
  if (rounds) console.log(rounds);
  console.log(`auth.me / bare    = ${ratios.authMeOverBare.toFixed(2)}`);
  if (ratios.authMeOverTrivialByCpu !== null) {
    console.log(`auth.me / trivial by CPU per request (server + db) = ${ratios.authMeOverTrivialByCpu.toFixed(2)}`);
  }
  console.log("");
}

/** What every results file starts with. The admin URL may carry a password; results get pasted around. */
export function resultsHeader(startedAt: Date, options: BenchOptions) {
  const { adminUrl: _adminUrl, ...shownOptions } = options;
  return {
    measuredAt: startedAt.toISOString(),
    node: process.version,
    cpus: cpus().length,
    options: { ...shownOptions, pipelining: 1 },
  };
}

export async function writeResults(path: string, data: unknown) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`figures written to ${path}`);
}
