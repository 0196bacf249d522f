import { createHash } from "node:crypto";
import type postgres from "postgres";
import type { HistoryOptions } from "./options.ts";

/** What every seeding step needs: the one transaction (so `setseed` holds) and the history's bounds. */
export type SeedContext = {
  sql: postgres.TransactionSql;
  options: HistoryOptions;
  tenantId: string;
  connectionId: string;
  /** The tenant's creation, `months` before `now`: the first day of the history. */
  start: Date;
  now: Date;
};

/**
 * A stable uuid for a row, the same as SQL's `md5(text)::uuid`, so every run with the same
 * seed gets the same ids (the dashboard breaks ties by id).
 */
export function stableId(text: string): string {
  const hex = createHash("md5").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Mulberry32: a small seeded generator for the rows built in TypeScript. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
