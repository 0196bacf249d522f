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

/** stableId's twin for the rows built in SQL, `pg_temp.stable_id(text)`: the seed creates it first. */
export const STABLE_ID_SQL = `
  create function pg_temp.stable_id(text) returns uuid language sql immutable parallel safe
  as $$ select overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$`;

/**
 * A stable uuid for a row: the md5 of `text` with the version nibble set to 4 and the variant
 * nibble to 8, the same as SQL's `pg_temp.stable_id(text)`. So every run with the same seed
 * gets the same ids (the dashboard breaks ties by id), and they are RFC 9562 uuids, which the
 * API's `z.uuid()` inputs accept (a bare `md5(text)::uuid` mostly is not: the console's video
 * drill-down then answers "This video does not exist").
 */
export function stableId(text: string): string {
  const hex = createHash("md5").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
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
