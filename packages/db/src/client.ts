import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Every query function takes this, so services can compose them inside one transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseHandle =
  | { driver: "postgres"; db: Db; client: postgres.Sql; close: () => Promise<void> }
  | { driver: "pglite"; db: Db; client: PGlite; close: () => Promise<void> };

export type DatabaseOptions =
  /** PostgreSQL through postgres.js (production). */
  | { url: string; maxConnections?: number }
  /** Embedded PostgreSQL: persisted under `dataDir`, in memory when it is omitted. */
  | { dataDir?: string; loadDataDir?: Blob }
  /** An already open PGlite instance (tests share one per worker). */
  | { pglite: PGlite };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ("url" in options) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: "marquee" },
    });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
    return { driver: "postgres", db, client, close: () => client.end({ timeout: 5 }) };
  }
  const client =
    "pglite" in options
      ? options.pglite
      : await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { driver: "pglite", db, client, close: () => client.close() };
}

/** Cheap liveness query for health checks. */
export async function pingDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "postgres") await handle.client`select 1`;
  else await handle.client.query("select 1");
}
