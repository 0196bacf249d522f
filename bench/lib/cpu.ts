import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * CPU time spent by given processes, read from /proc (Linux only; null elsewhere). Other work on
 * a shared machine moves req/s a lot, but barely moves what one request costs the server.
 */

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return ticksPerSecond;
}

/** User + system CPU of one process in microseconds, or null when it cannot be read. */
export function readProcessCpuUs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / clockTicks() : null;
  } catch {
    return null;
  }
}

export function sumProcessCpuUs(pids: number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const us = readProcessCpuUs(pid);
    if (us === null) return null;
    total += us;
  }
  return total;
}
