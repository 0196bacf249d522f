import { defineConfig } from "vitest/config";

// One migrated database per run (global setup), one connection per worker shared by its files.
export default defineConfig({
  test: {
    globalSetup: ["./src/testing/global-setup.ts"],
    pool: "forks",
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
