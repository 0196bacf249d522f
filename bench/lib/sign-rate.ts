import type { SignRateRequest, SignRateResult } from "../servers/sign-rate.ts";
import { SIGN_RATE_PATH } from "../servers/sign-rate.ts";
import type { SigningKey } from "./catalog-seed.ts";
import type { ChildServer } from "./child-server.ts";
import { readProcessCpuUs } from "./cpu.ts";
import { formatUs } from "./report.ts";
import type { Workload } from "./rounds.ts";

export type SignSlice = SignRateResult & { serverCpuUs: number | null };
export type SignWorkload = Workload & { inFlight: number; slices: SignSlice[] };

/** The server's raw signing rate as a workload, so it interleaves with the HTTP targets. */
export function signRateWorkload(
  server: ChildServer,
  key: SigningKey,
  videoUid: string,
  inFlight: number,
): SignWorkload {
  const slices: SignSlice[] = [];
  const run = async (seconds: number): Promise<SignSlice> => {
    const request: SignRateRequest = { keyId: key.id, privateKey: key.privateKey, videoUid, seconds, inFlight };
    const before = readProcessCpuUs(server.pid);
    const response = await fetch(`http://127.0.0.1:${server.port}${SIGN_RATE_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw new Error(`sign rate: ${response.status} ${await response.text()}`);
    const result = (await response.json()) as SignRateResult;
    const after = readProcessCpuUs(server.pid);
    if (result.signatures === 0) throw new Error("sign rate: no signature made");
    return { ...result, serverCpuUs: before === null || after === null ? null : after - before };
  };
  return {
    label: `raw RS256 signPlaybackToken, ${inFlight} in flight`,
    inFlight,
    slices,
    warm: run,
    measure: async (seconds) => {
      slices.push(await run(seconds));
    },
  };
}

export const signaturesPerSecond = (slices: SignSlice[]) =>
  slices.reduce((sum, slice) => sum + slice.signatures, 0) / slices.reduce((sum, slice) => sum + slice.seconds, 0);

export function summarizeSigning(workload: SignWorkload) {
  const signatures = workload.slices.reduce((sum, slice) => sum + slice.signatures, 0);
  const cpu = workload.slices.map((slice) => slice.serverCpuUs);
  return {
    label: workload.label,
    inFlight: workload.inFlight,
    signaturesPerSecond: signaturesPerSecond(workload.slices),
    signatures,
    /** CPU of the whole server process (threadpool included) per signature. */
    serverCpuUs: cpu.every((us) => us !== null)
      ? cpu.reduce((sum: number, us) => sum + (us ?? 0), 0) / signatures
      : null,
  };
}

/** A row of FIGURE_COLUMNS: signatures/s in the req/s column, no latency percentiles. */
export function signingCells(raw: ReturnType<typeof summarizeSigning>): string[] {
  return [
    raw.label,
    raw.signaturesPerSecond.toFixed(0),
    "-",
    "-",
    "-",
    String(raw.signatures),
    formatUs(raw.serverCpuUs),
    "-",
  ];
}
