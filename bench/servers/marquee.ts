import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { BillingEnvironment, CloudflareEnvironment } from "@marquee/api";
import { createSecretBox, generateSecretKey, parseSecretKeys } from "@marquee/auth";
import { openDatabase } from "@marquee/db";
// The bench is a leaf of the workspace, so reaching into the server app by path is fine here.
import { createApp } from "../../apps/server/src/app.ts";
import { createLogger } from "../../apps/server/src/logger.ts";
import { announceAndServe } from "./announce.ts";
import { measureSignRate, SIGN_RATE_PATH } from "./sign-rate.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");

// The procedures we load never call Cloudflare's API (playback signs locally); an unroutable
// base makes any slip fail fast instead of reaching the real one.
const cloudflare: CloudflareEnvironment = {
  apiBaseUrl: "http://127.0.0.1:9/client/v4",
  customerDomainFor: (code) => `https://customer-${code}.cloudflarestream.com`,
  webhookUrlFor: (connectionId) => `http://127.0.0.1/api/webhooks/cloudflare/${connectionId}`,
  platformDefault: null,
};
// Nor Stripe's.
const billing: BillingEnvironment = {
  stripe: { apiBaseUrl: "http://127.0.0.1:9" },
  publicUrl: "http://127.0.0.1",
  platformDefault: null,
};

// The parent has migrated and seeded the database; the server only opens it, as in production.
const database = await openDatabase({ url });
const app = createApp({
  database,
  logger: createLogger("warn"),
  publicUrl: "http://127.0.0.1",
  trustProxy: false,
  // The parent passes the key it sealed the signing key with, when it seeded one.
  secrets: createSecretBox(parseSecretKeys(process.env.BENCH_SECRET_KEY || generateSecretKey())),
  cloudflare,
  billing,
});

const route = (request: Request) =>
  request.method === "POST" && request.url.endsWith(SIGN_RATE_PATH) ? measureSignRate(request) : app.fetch(request);

const server = await new Promise<Server>((listening) => {
  const instance = serve({ fetch: route, port: 0, hostname: "127.0.0.1" }, () => listening(instance as Server));
});
announceAndServe(server, () => database.close());
