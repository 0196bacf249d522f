import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import type { CloudflareEnvironment } from "@marquee/api";
import { createSecretBox, generateSecretKey, parseSecretKeys } from "@marquee/auth";
import { openDatabase } from "@marquee/db";
// The bench is a leaf of the workspace, so reaching into the server app by path is fine here.
import { createApp } from "../../apps/server/src/app.ts";
import { createLogger } from "../../apps/server/src/logger.ts";
import { announceAndServe } from "./announce.ts";

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");

// The procedures we load never reach Cloudflare; an unroutable base makes any slip fail fast.
const cloudflare: CloudflareEnvironment = {
  apiBaseUrl: "http://127.0.0.1:9/client/v4",
  customerDomainFor: (code) => `customer-${code}.invalid`,
  webhookUrlFor: (connectionId) => `http://127.0.0.1/api/webhooks/cloudflare/${connectionId}`,
  platformDefault: null,
};

// The parent has migrated and seeded the database; the server only opens it, as in production.
const database = await openDatabase({ url });
const app = createApp({
  database,
  logger: createLogger("warn"),
  publicUrl: "http://127.0.0.1",
  trustProxy: false,
  secrets: createSecretBox(parseSecretKeys(generateSecretKey())),
  cloudflare,
});

const server = await new Promise<Server>((listening) => {
  const instance = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => listening(instance as Server));
});
announceAndServe(server, () => database.close());
