// Starts the built server for the browser tests. With DATABASE_URL it runs on a fresh
// database created on that server (dropped on exit) with the demo seeded, so the suite
// sees the same world on PostgreSQL as on embedded PGlite.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// The built-in emulators run in production mode too, so uploads and payments work on PostgreSQL.
const env = { ...process.env, SEED_DEMO: "true", CLOUDFLARE_EMULATOR: "true", STRIPE_EMULATOR: "true" };
env.APP_SECRET_KEY ||= randomBytes(32).toString("base64");
// A fixed secret: console-analytics.spec.ts runs the analytics rollup through POST /api/cron/:job.
env.CRON_SECRET = "e2e-cron-secret-for-local-tests-only";
// Behind a proxy, as in production: the tests' API sign-ups come from addresses of their own
// (see e2e/support/api.ts), so the per-address sign-up limit does not depend on the suite's size.
env.TRUST_PROXY = "true";
const dataDir = mkdtempSync(join(tmpdir(), "marquee-e2e-"));
env.DATA_DIR = dataDir;

let drop = async () => {};
if (process.env.DATABASE_URL) {
  const postgres = createRequire(join(root, "apps/server/package.json"))("postgres");
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `marquee_e2e_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  drop = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}

const server = spawn(process.execPath, [join(root, "apps/server/dist/index.js")], { env, stdio: "inherit" });
let exiting = false;
const shutdown = async (code) => {
  if (exiting) return;
  exiting = true;
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await drop().catch((error) => console.error("could not drop the e2e database", error));
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
};
server.once("exit", (code) => void shutdown(code ?? 1));
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => void shutdown(0));
