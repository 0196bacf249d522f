import { parseArgs } from "node:util";

export type BenchOptions = {
  /** Seconds measured per target, split into `rounds` interleaved slices. */
  duration: number;
  rounds: number;
  sliceSeconds: number;
  /** Seconds of load per target before measuring, so JIT and pools are warm. */
  warmup: number;
  connections: number;
  adminUrl: string;
};

const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Defaults of the flags, as their strings; an entry may change them. */
export type FlagDefaults = { duration: string; rounds: string; warmup: string; connections: string };

const FLAG_DEFAULTS: FlagDefaults = { duration: "10", rounds: "5", warmup: "2", connections: "50" };

export function readOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaults: Partial<FlagDefaults> = {},
): BenchOptions {
  const flags = { ...FLAG_DEFAULTS, ...defaults };
  // `pnpm bench -- --duration 5` forwards the separator; drop it so the flags still parse.
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: {
      duration: { type: "string", default: flags.duration },
      rounds: { type: "string", default: flags.rounds },
      warmup: { type: "string", default: flags.warmup },
      connections: { type: "string", default: flags.connections },
    },
    strict: true,
  });
  const duration = positiveInteger("duration", values.duration);
  // autocannon stops on whole-second ticks, so a slice is at least one second.
  const rounds = Math.min(positiveInteger("rounds", values.rounds), duration);
  const sliceSeconds = Math.round(duration / rounds);
  return {
    duration: sliceSeconds * rounds,
    rounds,
    sliceSeconds,
    warmup: positiveInteger("warmup", values.warmup),
    connections: positiveInteger("connections", values.connections),
    adminUrl: env.DATABASE_URL || DEFAULT_ADMIN_URL,
  };
}
