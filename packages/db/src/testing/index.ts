import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../client";
import "./provided-context";

const cacheKey = Symbol.for("marquee.testDatabase");
type Cache = { [cacheKey]?: Promise<DatabaseHandle> };

/**
 * The database of this test worker, migrated by the global setup. One per worker
 * (test files share it), so tests create their own tenants and users instead of
 * relying on a clean slate.
 */
export function getTestDatabase(): Promise<DatabaseHandle> {
  const cache = globalThis as Cache;
  cache[cacheKey] ??= open();
  return cache[cacheKey];
}

async function open(): Promise<DatabaseHandle> {
  const target = inject("testDatabase");
  if (target.kind === "postgres") return openDatabase({ url: target.url, maxConnections: 4 });
  const snapshot = await readFile(target.snapshotPath);
  return openDatabase({ loadDataDir: new Blob([snapshot]) });
}
