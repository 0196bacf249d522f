import { type Context, Hono } from "hono";
import type { Env } from "./auth.ts";
import type { Emulator } from "./context.ts";
import { signWebhook } from "./dispatcher.ts";
import { badRequest, notFound, ok } from "./envelope.ts";
import type { Video } from "./types.ts";
import { toApiVideo } from "./video-view.ts";

/** Sends the video's current state to the account's webhook, if it has one (fact sheet §6.2–6.3). */
export function notifyVideo(emu: Emulator, video: Video) {
  const account = emu.store.account(video.accountId);
  if (!account?.webhook) return null;
  const secret = account.webhookSecret;
  return emu.dispatcher.send({
    accountId: account.id,
    kind: "video",
    subject: video.uid,
    url: account.webhook.notificationUrl,
    body: JSON.stringify(toApiVideo(emu, video)),
    headers: (body) => ({
      "Webhook-Signature": signWebhook(secret, body, Math.floor(emu.clock.now().getTime() / 1000)),
    }),
  });
}

export function webhookRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  const view = (c: Context<Env>) => {
    const account = c.get("account");
    if (!account.webhook) throw notFound("No webhook is configured for this account");
    const { notificationUrl, modified } = account.webhook;
    return { notificationUrl, notification_url: notificationUrl, modified, secret: account.webhookSecret };
  };

  app.put("/", async (c) => {
    const body = await c.req.json<Record<string, unknown>>().catch(() => ({}) as Record<string, unknown>);
    const url = body.notificationUrl ?? body.notification_url;
    // Real Cloudflare refuses localhost and private addresses; the emulator must reach our local server.
    if (typeof url !== "string" || !/^https?:\/\/[^\s]+$/.test(url)) {
      throw badRequest("notificationUrl must be an http:// or https:// URL");
    }
    c.get("account").webhook = { notificationUrl: url, modified: emu.clock.stamp() };
    emu.store.changed();
    return ok(c, view(c));
  });
  app.get("/", (c) => ok(c, view(c)));
  app.delete("/", (c) => {
    const account = c.get("account");
    if (!account.webhook) throw notFound("No webhook is configured for this account");
    account.webhook = null;
    emu.store.changed();
    return ok(c, "ok");
  });
  return app;
}
