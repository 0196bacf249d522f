import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";

// Any fixed number works; it only has to be the same for every replica.
const MIGRATION_LOCK_ID = 7_213_004_851;

/**
 * Applies the committed migrations in `migrationsFolder`. On PostgreSQL an advisory lock
 * makes replicas that start together take turns instead of racing on the same DDL.
 */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder: string) {
  if (handle.driver === "pglite") {
    await migratePglite(drizzlePglite({ client: handle.client }), { migrationsFolder });
    return;
  }
  const connection = await handle.client.reserve();
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    // The lock lives on the reserved connection; the migrator runs on the pool meanwhile.
    await migratePostgres(drizzlePostgres({ client: handle.client }), { migrationsFolder });
  } finally {
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    connection.release();
  }
}
