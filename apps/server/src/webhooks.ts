import {
  type BillingEnvironment,
  type CloudflareEnvironment,
  handleCloudflareWebhook,
  handleLiveNotification,
  handleStripeWebhook,
  type WebhookOutcome,
} from "@marquee/api";
import type { SecretBox } from "@marquee/auth";
import type { DatabaseHandle } from "@marquee/db";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "./logger";

type Deps = {
  database: DatabaseHandle;
  logger: Logger;
  secrets: SecretBox;
  billing: BillingEnvironment;
  cloudflare: CloudflareEnvironment;
  now: () => Date;
};

/** Provider webhooks: raw body in, signature checked by the handler, outcome logged. */
export function mountWebhooks(app: Hono, deps: Deps) {
  app.use(
    "/api/webhooks/*",
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: "payload too large" }, 413) }),
  );

  app.post("/api/webhooks/cloudflare/:connectionId", async (c) => {
    const connectionId = c.req.param("connectionId");
    const outcome = await handleCloudflareWebhook(
      { db: deps.database.db, secrets: deps.secrets, now: deps.now },
      { connectionId, signatureHeader: c.req.header("webhook-signature") ?? null, rawBody: await c.req.text() },
    );
    return answer(c, deps.logger, outcome, { provider: "cloudflare", connectionId });
  });

  // Cloudflare Notifications ("Stream Live Input"): the destination's secret in cf-webhook-auth, no HMAC.
  app.post("/api/webhooks/cloudflare/:connectionId/live", async (c) => {
    const connectionId = c.req.param("connectionId");
    const outcome = await handleLiveNotification(
      { db: deps.database.db, secrets: deps.secrets, cloudflare: deps.cloudflare, now: deps.now },
      { connectionId, authHeader: c.req.header("cf-webhook-auth") ?? null, rawBody: await c.req.text() },
    );
    return answer(c, deps.logger, outcome, { provider: "cloudflare-live", connectionId });
  });

  // A tenant's own Stripe account posts to its tenant id; the platform default account to "platform".
  app.post("/api/webhooks/stripe/:route", async (c) => {
    const route = c.req.param("route");
    const outcome = await handleStripeWebhook(
      { db: deps.database.db, secrets: deps.secrets, billing: deps.billing, now: deps.now },
      { route, signatureHeader: c.req.header("stripe-signature") ?? null, rawBody: await c.req.text() },
    );
    return answer(c, deps.logger, outcome, { provider: "stripe", route });
  });
}

function answer(c: Context, logger: Logger, outcome: WebhookOutcome, fields: Record<string, string>) {
  if (outcome.status === 200) {
    logger.info({ ...fields, result: outcome.result }, "webhook");
    return c.json({ ok: true, result: outcome.result });
  }
  const log = outcome.status === 500 ? logger.error.bind(logger) : logger.warn.bind(logger);
  log({ ...fields, status: outcome.status, reason: outcome.reason }, "webhook rejected");
  return c.json({ error: outcome.reason }, outcome.status);
}
