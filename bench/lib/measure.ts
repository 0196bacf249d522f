import autocannon from "autocannon";
import { readProcessCpuUs, sumProcessCpuUs } from "./cpu.ts";
import type { Workload } from "./rounds.ts";

export type Target = {
  label: string;
  url: string;
  headers: Record<string, string>;
  /** Returns why the decoded body is wrong, or null when it is what we expect. */
  check: (body: unknown) => string | null;
  /**
   * The body changes from call to call (fresh tokens): every response then passes `check`
   * instead of being compared with the probe's.
   */
  freshBody?: boolean;
  serverPid: number;
  databasePids: () => Promise<number[]>;
};

/** What autocannon hands back with `skipAggregateResult`: counters plus encoded histograms to merge later. */
type RawResult = {
  totalCompletedRequests: number;
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
};

/** One slice of load on one target, with the CPU it cost (null off Linux). */
export type Slice = { raw: RawResult; serverCpuUs: number | null; databaseCpuUs: number | null };

// Present in autocannon 9, missing from @types/autocannon 7.
const aggregateResult = (autocannon as unknown as { aggregateResult: (r: RawResult[], o: object) => autocannon.Result })
  .aggregateResult;

let running: autocannon.Instance | undefined;

/** For Ctrl-C: ends the load at once instead of waiting out the duration. */
export function stopRunningLoad() {
  running?.stop();
}

/** Follows a path of keys through decoded JSON without trusting its shape. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * Checks one response by hand and returns its exact body, which every later run passes as
 * `expectBody`: each single response is compared, so a bench of 401s fails instead of reporting.
 */
export async function probeTarget(target: Target): Promise<string> {
  const response = await fetch(target.url, { headers: target.headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${target.label}: probe got ${response.status}: ${body}`);
  const problem = target.check(JSON.parse(body));
  if (problem) throw new Error(`${target.label}: probe body is wrong (${problem}): ${body}`);
  return body;
}

function passes(target: Target, body: string): boolean {
  try {
    return target.check(JSON.parse(body)) === null;
  } catch {
    return false;
  }
}

export async function runSlice(target: Target, expectBody: string, connections: number, seconds: number) {
  // The pool opens its connections lazily; asking each slice catches them all once warm.
  const databasePids = await target.databasePids();
  const serverBefore = readProcessCpuUs(target.serverPid);
  const databaseBefore = sumProcessCpuUs(databasePids);
  const raw = await new Promise<RawResult>((resolve, reject) => {
    const options = { url: target.url, headers: target.headers, connections, duration: seconds, pipelining: 1 };
    const verify = target.freshBody ? { verifyBody: (body: unknown) => passes(target, String(body)) } : { expectBody };
    running = autocannon({ ...options, ...verify, skipAggregateResult: true }, (error: unknown, outcome) =>
      error ? reject(error) : resolve(outcome as unknown as RawResult),
    );
  });
  running = undefined;
  const failures = { non2xx: raw.non2xx, errors: raw.errors, timeouts: raw.timeouts, mismatches: raw.mismatches };
  if (Object.values(failures).some((count) => count > 0) || raw.totalCompletedRequests === 0) {
    throw new Error(`${target.label}: ${raw.totalCompletedRequests} requests, failures ${JSON.stringify(failures)}`);
  }
  const delta = (before: number | null, after: number | null) =>
    before === null || after === null ? null : after - before;
  return {
    raw,
    serverCpuUs: delta(serverBefore, readProcessCpuUs(target.serverPid)),
    databaseCpuUs: delta(databaseBefore, sumProcessCpuUs(databasePids)),
  } satisfies Slice;
}

export function requestsPerSecond(slices: Slice[]): number {
  const requests = slices.reduce((sum, slice) => sum + slice.raw.totalCompletedRequests, 0);
  const seconds = slices.reduce((sum, slice) => sum + slice.raw.duration, 0);
  return requests / seconds;
}

export type Figures = ReturnType<typeof summarize>;

/** Merges the slices' latency histograms, so percentiles are over every request, not averaged. */
export function summarize(target: Target, slices: Slice[]) {
  const merged = aggregateResult(
    slices.map((slice) => slice.raw),
    { url: target.url },
  );
  const requests = slices.reduce((sum, slice) => sum + slice.raw.totalCompletedRequests, 0);
  const perRequest = (pick: (slice: Slice) => number | null) => {
    const values = slices.map(pick);
    return values.every((value) => value !== null)
      ? values.reduce((sum: number, value) => sum + (value ?? 0), 0) / requests
      : null;
  };
  return {
    label: target.label,
    url: target.url,
    requestsPerSecond: requestsPerSecond(slices),
    p50Ms: merged.latency.p50,
    p99Ms: merged.latency.p99,
    averageMs: merged.latency.average,
    requests,
    /** CPU time per request of the server process and of its PostgreSQL backends; null off Linux. */
    serverCpuUs: perRequest((slice) => slice.serverCpuUs),
    databaseCpuUs: perRequest((slice) => slice.databaseCpuUs),
  };
}

export type LoadWorkload = Workload & { target: Target; probeBody: string; slices: Slice[] };

/**
 * Probes a target, then wraps it as a workload for runInterleaved. Each keeps the exact body its
 * probe approved, to compare every later response with (unless the target's body is fresh per call).
 */
export async function probedWorkload(target: Target, connections: number): Promise<LoadWorkload> {
  const body = await probeTarget(target);
  const slices: Slice[] = [];
  return {
    label: target.label,
    target,
    probeBody: body,
    slices,
    warm: (seconds) => runSlice(target, body, connections, seconds),
    measure: async (seconds) => {
      slices.push(await runSlice(target, body, connections, seconds));
    },
  };
}

/** Server plus database CPU per request, or null when either could not be read. */
export function cpuPerRequestUs(figures: { serverCpuUs: number | null; databaseCpuUs: number | null }): number | null {
  return figures.serverCpuUs === null || figures.databaseCpuUs === null
    ? null
    : figures.serverCpuUs + figures.databaseCpuUs;
}
