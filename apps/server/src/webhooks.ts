import { handleCloudflareWebhook } from "@marquee/api";
import type { SecretBox } from "@marquee/auth";
import type { DatabaseHandle } from "@marquee/db";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "./logger";

type Deps = { database: DatabaseHandle; logger: Logger; secrets: SecretBox; now: () => Date };

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
    if (outcome.status === 200) {
      deps.logger.info({ provider: "cloudflare", connectionId, result: outcome.result }, "webhook");
      return c.json({ ok: true, result: outcome.result });
    }
    const log = outcome.status === 500 ? deps.logger.error.bind(deps.logger) : deps.logger.warn.bind(deps.logger);
    log({ provider: "cloudflare", connectionId, status: outcome.status, reason: outcome.reason }, "webhook rejected");
    return c.json({ error: outcome.reason }, outcome.status);
  });
}
