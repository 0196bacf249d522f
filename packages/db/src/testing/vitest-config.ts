import { fileURLToPath } from "node:url";

/**
 * Vitest settings for packages whose tests touch the database: one migrated database
 * per run (global setup) and one connection per worker shared by its test files.
 */
export const databaseTestConfig: {
  globalSetup: string[];
  pool: "forks";
  isolate: boolean;
  testTimeout: number;
  hookTimeout: number;
} = {
  globalSetup: [fileURLToPath(new URL("./global-setup.ts", import.meta.url))],
  pool: "forks",
  isolate: false,
  testTimeout: 20_000,
  hookTimeout: 60_000,
};
