import { Hono } from "hono";
import { accountInfo, createAccount, newToken } from "../accounts.ts";
import { isDay, minutesDelivered, recordDelivery } from "../analytics.ts";
import type { Emulator } from "../context.ts";
import { badRequest, notFound } from "../envelope.ts";
import type { FaultRule, Faults } from "../faults.ts";
import { randomHex } from "../ids.ts";
import { connect, disconnect, errored } from "../live.ts";
import { apiBaseUrl, customerDomainBase } from "../urls.ts";
import { jsonBody, optionalBoolean, optionalDate, optionalNumber, optionalString } from "../validate.ts";
import { notifyVideo } from "../webhooks.ts";

/** `/__emulator/...`: what a test or Playwright run needs to drive the emulator from another process. */
export function controlRoutes(emu: Emulator, faults: Faults) {
  const app = new Hono();
  const account = (id: string) => {
    const found = emu.store.account(id);
    if (!found) throw notFound("Unknown account");
    return found;
  };
  const liveInput = (uid: string) => {
    const found = emu.store.state.liveInputs.find((l) => l.uid === uid);
    if (!found) throw notFound("Live input not found");
    return found;
  };

  app.get("/", (c) =>
    c.json({
      baseUrl: emu.baseUrl,
      apiBaseUrl: apiBaseUrl(emu.baseUrl),
      accounts: emu.store.state.accounts.map((a) => ({
        accountId: a.id,
        customerCode: a.customerCode,
        customerDomain: customerDomainBase(emu.baseUrl, a.customerCode),
      })),
    }),
  );

  app.post("/accounts", async (c) => {
    const body = await jsonBody(c.req);
    const notificationUrl = optionalString(body, "liveNotificationUrl", 2048);
    const info = await createAccount(emu, {
      accountId: optionalString(body, "accountId", 32),
      apiToken: optionalString(body, "apiToken", 256),
      customerCode: optionalString(body, "customerCode", 32),
      storageLimitMinutes: optionalNumber(body, "storageLimitMinutes", 0, 1e9),
      analytics: optionalBoolean(body, "analytics"),
      ...(notificationUrl ? { liveNotification: { url: notificationUrl } } : {}),
    });
    return c.json(info, 201);
  });

  app.post("/accounts/:id/tokens", async (c) => {
    const found = account(c.req.param("id"));
    const body = await jsonBody(c.req);
    const scope = body.scope === "read" ? "read" : "write";
    const token = newToken(
      scope,
      optionalDate(body, "expiresOn") ?? null,
      undefined,
      optionalBoolean(body, "analytics"),
    );
    found.tokens.push(token);
    emu.store.changed();
    return c.json(accountInfo(emu, found, token), 201);
  });

  app.put("/accounts/:id/live-notifications", async (c) => {
    const found = account(c.req.param("id"));
    const body = await jsonBody(c.req);
    const url = optionalString(body, "url", 2048);
    if (!url || !/^https?:\/\//.test(url)) throw badRequest("url must be an http(s) URL");
    const secret = optionalString(body, "secret", 256) ?? found.liveNotification?.secret ?? randomHex(16);
    found.liveNotification = { url, secret, name: optionalString(body, "name", 256) ?? "Stream Live Input" };
    emu.store.changed();
    return c.json(found.liveNotification);
  });
  app.delete("/accounts/:id/live-notifications", (c) => {
    account(c.req.param("id")).liveNotification = null;
    emu.store.changed();
    return c.body(null, 204);
  });

  app.get("/accounts/:id/analytics/minutes", (c) => {
    const found = account(c.req.param("id"));
    const day = c.req.query("day");
    if (day !== undefined && !isDay(day)) throw badRequest("day must be a UTC day, YYYY-MM-DD");
    return c.json(minutesDelivered(emu, found.id, day));
  });
  app.post("/accounts/:id/analytics/minutes", async (c) => {
    const found = account(c.req.param("id"));
    const body = await jsonBody(c.req);
    const uid = optionalString(body, "uid", 64);
    const minutes = optionalNumber(body, "minutes", 0, 1e9);
    if (!uid || minutes === undefined) throw badRequest("uid and minutes are required");
    const at = optionalDate(body, "at");
    try {
      return c.json(recordDelivery(emu, found.id, uid, minutes, at ? new Date(at) : undefined), 201);
    } catch (error) {
      throw badRequest(error instanceof Error ? error.message : String(error));
    }
  });

  app.post("/live_inputs/:uid/connect", async (c) => c.json(await connect(emu, liveInput(c.req.param("uid")))));
  app.post("/live_inputs/:uid/disconnect", (c) => {
    const video = disconnect(emu, liveInput(c.req.param("uid")));
    return c.json({ videoUid: video?.uid ?? null });
  });
  app.post("/live_inputs/:uid/error", async (c) => {
    const body = await jsonBody(c.req);
    const code = optionalString(body, "code") ?? "ERR_GOP_OUT_OF_RANGE";
    const delivery = errored(emu, liveInput(c.req.param("uid")), code, optionalString(body, "message") ?? code);
    return c.json({ deliveryId: delivery?.id ?? null });
  });
  app.put("/live_inputs/:uid/viewers", async (c) => {
    const input = liveInput(c.req.param("uid"));
    input.viewers = optionalNumber(await jsonBody(c.req), "count", 0, 1e9) ?? 0;
    return c.json({ liveViewers: input.viewers });
  });

  app.get("/live_inputs/:uid/webrtc", (c) => c.json(emu.webrtc.status(liveInput(c.req.param("uid")).uid)));

  app.get("/webhooks/deliveries", (c) => {
    const subject = c.req.query("subject");
    const list = emu.dispatcher.list(c.req.query("accountId")).filter((d) => !subject || d.subject === subject);
    return c.json(list);
  });
  app.post("/webhooks/deliveries/:id/redeliver", (c) => {
    const delivery = emu.dispatcher.redeliver(c.req.param("id"));
    if (!delivery) throw notFound("Delivery not found");
    return c.json(delivery, 201);
  });
  app.post("/videos/:uid/webhook", (c) => {
    const video = emu.store.state.videos.find((v) => v.uid === c.req.param("uid"));
    if (!video) throw notFound();
    const delivery = notifyVideo(emu, video);
    if (!delivery) throw badRequest("The video's account has no webhook configured");
    return c.json(delivery, 201);
  });
  app.put("/webhooks/settings", async (c) => {
    const duplicate = optionalBoolean(await jsonBody(c.req), "duplicate");
    if (duplicate !== undefined) emu.dispatcher.settings.duplicate = duplicate;
    return c.json(emu.dispatcher.settings);
  });

  app.get("/faults", (c) => c.json({ latencyMs: faults.latencyMs, rules: faults.rules }));
  app.post("/faults", async (c) => {
    const body = await jsonBody(c.req);
    if (typeof body.path !== "string") throw badRequest("path (a regular expression) is required");
    return c.json(faults.add(body as FaultRule), 201);
  });
  app.delete("/faults", (c) => {
    faults.clear();
    return c.body(null, 204);
  });
  app.put("/faults/latency", async (c) => {
    faults.latencyMs = optionalNumber(await jsonBody(c.req), "latencyMs", 0, 60_000) ?? 0;
    return c.json({ latencyMs: faults.latencyMs });
  });
  return app;
}
