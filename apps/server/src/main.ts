import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { connectDemoCloudflare, connectDemoStripe, syncPlatformConnection } from "@marquee/api";
import { createSecretBox, hashPassword } from "@marquee/auth";
import { type DemoLogin, migrateDatabase, openDatabase, seedDemo } from "@marquee/db";
import { createApp } from "./app";
import { setUpCloudflare } from "./cloudflare";
import type { Env } from "./env";
import type { Logger } from "./logger";
import { startScheduler } from "./scheduler";
import { loadSecretKeys } from "./secret-key";
import { setUpStripe } from "./stripe";

// The same relative paths hold from src/ (tsx) and from dist/ (the bundle).
const appsDir = fileURLToPath(new URL("../../", import.meta.url));
const rootDir = fileURLToPath(new URL("../../../", import.meta.url));

/** Opens the database the environment names and brings its schema up to date. */
export async function openConfiguredDatabase(env: Env) {
  const database = env.databaseUrl
    ? await openDatabase({ url: env.databaseUrl })
    : await openDatabase({ dataDir: ensureDir(resolve(env.dataDir, "pglite")) });
  await migrateDatabase(database, resolve(rootDir, "drizzle"));
  return database;
}

export async function startServer(env: Env, logger: Logger) {
  const database = await openConfiguredDatabase(env);
  const demoLogins = env.seedDemo ? await seedDemo(database.db, { hashPassword }) : [];
  const secretKeys = loadSecretKeys(env.secretKeys, ensureDir(resolve(env.dataDir)));
  if (secretKeys.createdAt)
    logger.warn({ path: secretKeys.createdAt }, "generated an encryption key for stored secrets; keep this file");
  const secrets = createSecretBox(secretKeys.keys);
  const cloudflare = setUpCloudflare(env, logger);
  const stripe = setUpStripe(env, logger);

  const app = createApp({
    database,
    logger,
    publicUrl: env.publicUrl,
    trustProxy: env.trustProxy,
    secrets,
    cloudflare: cloudflare.environment,
    billing: stripe.environment,
    cronSecret: env.cronSecret,
    emulators: { cloudflare: cloudflare.emulator?.app, stripe: stripe.emulator?.app },
    spa: { portalDist: resolve(appsDir, "portal/dist"), adminDist: resolve(appsDir, "admin/dist") },
  });
  cloudflare.attach(app.fetch);
  stripe.attach(app.fetch);
  const cloudflareDeps = { db: database.db, secrets, cloudflare: cloudflare.environment };

  const server = await new Promise<Server>((resolveListening, reject) => {
    // Without createServer options, @hono/node-server starts a plain node:http server.
    const instance = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, () =>
      resolveListening(instance as Server),
    );
    instance.once("error", reject);
  });
  // Longer than the idle timeout of common load balancers (60 s), so they never reuse a
  // connection the server is closing; Node's default of 5 s also races keep-alive clients.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  logger.info({ port: env.port, mode: env.mode, database: database.driver }, "listening");
  await syncPlatformConnection({ ...cloudflareDeps, now: () => new Date() }).catch((error: unknown) =>
    logger.error({ err: error }, "could not set up the platform Cloudflare account; will retry at next start"),
  );
  const { emulator } = cloudflare;
  if (emulator && env.seedDemo) {
    await connectDemoCloudflare(cloudflareDeps, () =>
      // Room for a demo library: the emulator's default quota is a small account's.
      emulator.createAccount({ storageLimitMinutes: 100_000 }),
    ).catch((error: unknown) => logger.error({ err: error }, "could not connect Demo Dojo to the Cloudflare emulator"));
  }
  const stripeEmulator = stripe.emulator;
  if (stripeEmulator && env.seedDemo) {
    await connectDemoStripe({ db: database.db, secrets, billing: stripe.environment, now: () => new Date() }, () =>
      stripeEmulator.createAccount({ displayName: "Demo Dojo" }),
    ).catch((error: unknown) => logger.error({ err: error }, "could not connect Demo Dojo to the Stripe emulator"));
  }
  const scheduler = startScheduler({ ...cloudflareDeps, billing: stripe.environment, now: () => new Date() }, logger);
  printBanner(env, demoLogins, {
    secretKeyFile: secretKeys.createdAt,
    emulator: Boolean(emulator),
    stripeEmulator: Boolean(stripeEmulator),
  });

  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    stopping ??= (async () => {
      logger.info({ signal }, "shutting down: finishing in-flight requests");
      const forced = setTimeout(() => {
        logger.warn("shutdown timed out; closing remaining connections");
        server.closeAllConnections();
      }, 10_000);
      forced.unref();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      await scheduler.stop();
      await cloudflare.emulator?.close();
      await stripe.emulator?.close();
      await database.close();
      clearTimeout(forced);
      logger.info("stopped");
    })();
    return stopping;
  };
  return { server, database, stop };
}

function ensureDir(path: string) {
  mkdirSync(path, { recursive: true });
  return path;
}

function printBanner(
  env: Env,
  logins: DemoLogin[],
  extra: { secretKeyFile: string | undefined; emulator: boolean; stripeEmulator: boolean },
) {
  const lines = [
    "",
    `  Marquee is running (${env.mode === "embedded" ? `embedded mode: PGlite in ${resolve(env.dataDir)}` : "production mode"})`,
    "",
    `  Portal   ${env.publicUrl}/`,
    `  Console  ${env.publicUrl}/admin`,
    `  Health   ${env.publicUrl}/healthz`,
  ];
  if (extra.emulator)
    lines.push(`  Cloudflare Stream emulator  ${env.publicUrl}/emulators/cloudflare (Demo Dojo is connected to it)`);
  if (extra.stripeEmulator)
    lines.push(
      `  Stripe emulator             ${env.publicUrl}/emulators/stripe (Demo Dojo is connected to it; test card 4242 4242 4242 4242)`,
    );
  if (extra.secretKeyFile) lines.push(`  Generated the key that encrypts stored secrets: ${extra.secretKeyFile}`);
  if (logins.length > 0) {
    lines.push("", "  Demo logins:");
    for (const login of logins) lines.push(`    ${login.label.padEnd(22)} ${login.email.padEnd(28)} ${login.password}`);
    lines.push("", `  Demo Dojo lives at ${env.publicUrl}/demo-dojo`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}
