import { defineConfig } from "vitest/config";

// One migrated database per run (global setup), one connection per worker shared by its files.
export default defineConfig({
  test: {
    globalSetup: ["@marquee/db/testing/global-setup"],
    pool: "forks",
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
