import { defineConfig, devices } from "@playwright/test";
import { assertLocalDatabase } from "./e2e/support/assert-local-database";
import { BASE_URL as baseURL, E2E_PORT as port } from "./e2e/support/server";

assertLocalDatabase(process.env.DATABASE_URL);

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        // WebRTC specs broadcast Chromium's fake camera and microphone without a permission prompt;
        // loopback candidates let the peers meet on a machine whose only interface is loopback.
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--allow-loopback-in-peer-connection",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    // A fresh data directory (and, with DATABASE_URL, a fresh database) per run, removed on exit.
    command: "node e2e/server.mjs",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    // server.mjs removes its data directory (or drops its database) on SIGTERM; the default is SIGKILL.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseURL,
      // The tests sign in as the demo accounts, which production mode (DATABASE_URL) does not seed.
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
