import { parseArgs } from "node:util";

/** The tenant the history is seeded into and the dashboard bench reads. */
export const HISTORY_TENANT_SLUG = "analytics-bench";

/**
 * The tenant's owner, the one staff login with a real password: `render:analytics` signs in
 * as them. A bench database only, never a real one.
 */
export const HISTORY_OWNER = { email: "owner@analytics.bench", password: "analytics-bench-owner" } as const;

export type HistoryOptions = {
  databaseUrl: string;
  members: number;
  videos: number;
  sessions: number;
  months: number;
  seed: number;
  /** The end of the history; the same seed and `now` give the same rows. */
  now: Date;
};

export type DashboardOptions = {
  databaseUrl: string;
  /** Timed runs per dashboard query, after `warmup` untimed ones. */
  iterations: number;
  warmup: number;
  /** Timed runs per raw baseline query: each scans months of sessions, so fewer. */
  rawIterations: number;
};

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}

function requireUrl(raw: string | undefined): string {
  // No fallback to DATABASE_URL: seeding millions of rows into whatever it names would be a bad surprise.
  if (!raw) throw new Error("--database-url is required: a database of its own, e.g. created with createdb");
  return raw;
}

function readNow(raw: string | undefined): Date {
  const now = raw === undefined ? new Date() : new Date(raw);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date and time, got "${raw}"`);
  // Whole seconds, so the same --now always draws the same rows.
  return new Date(Math.floor(now.getTime() / 1000) * 1000);
}

// `pnpm run x -- --flag` forwards the separator; drop it so the flags still parse.
const flagsOf = (argv: string[]) => argv.filter((arg) => arg !== "--");

export function readHistoryOptions(argv: string[]): HistoryOptions {
  const { values } = parseArgs({
    args: flagsOf(argv),
    options: {
      "database-url": { type: "string" },
      members: { type: "string", default: "5000" },
      videos: { type: "string", default: "2000" },
      sessions: { type: "string", default: "2000000" },
      months: { type: "string", default: "12" },
      seed: { type: "string", default: "42" },
      now: { type: "string" },
    },
    strict: true,
  });
  return {
    databaseUrl: requireUrl(values["database-url"]),
    members: positiveInteger("members", values.members),
    videos: positiveInteger("videos", values.videos),
    sessions: positiveInteger("sessions", values.sessions),
    months: positiveInteger("months", values.months),
    seed: positiveInteger("seed", values.seed),
    now: readNow(values.now),
  };
}

export function readDashboardOptions(argv: string[]): DashboardOptions {
  const { values } = parseArgs({
    args: flagsOf(argv),
    options: {
      "database-url": { type: "string" },
      iterations: { type: "string", default: "50" },
      warmup: { type: "string", default: "5" },
      "raw-iterations": { type: "string", default: "5" },
    },
    strict: true,
  });
  return {
    databaseUrl: requireUrl(values["database-url"]),
    iterations: positiveInteger("iterations", values.iterations),
    warmup: positiveInteger("warmup", values.warmup),
    rawIterations: positiveInteger("raw-iterations", values["raw-iterations"]),
  };
}

export type RenderOptions = {
  databaseUrl: string;
  /** Where the server listens, on 127.0.0.1. */
  port: number;
  /** How long one page may take to draw every chart. */
  timeoutMs: number;
  chromium: string;
};

export function readRenderOptions(argv: string[]): RenderOptions {
  const { values } = parseArgs({
    args: flagsOf(argv),
    options: {
      "database-url": { type: "string" },
      port: { type: "string", default: "3262" },
      "timeout-ms": { type: "string", default: "60000" },
      chromium: { type: "string", default: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium" },
    },
    strict: true,
  });
  const port = positiveInteger("port", values.port);
  if (port > 65_535) throw new Error(`--port must be at most 65535, got ${port}`);
  return {
    databaseUrl: requireUrl(values["database-url"]),
    port,
    timeoutMs: positiveInteger("timeout-ms", values["timeout-ms"]),
    chromium: values.chromium,
  };
}
