import { Hono } from "hono";
import { createAccount } from "../accounts.ts";
import type { Emulator } from "../context.ts";
import { badRequest, noSuch } from "../errors.ts";
import type { StripeEmulatorControls } from "../index.ts";

type Body = Record<string, unknown>;

const jsonBody = async (request: { json: () => Promise<unknown> }): Promise<Body> => {
  const body = await request.json().catch(() => ({}));
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Body) : {};
};

const optionalString = (body: Body, key: string) => {
  const value = body[key];
  if (value !== undefined && typeof value !== "string") throw badRequest(`${key} must be a string`);
  return value;
};

/** `/_control/...`: what a test or Playwright run needs to drive the emulator from another process. No auth. */
export function controlRoutes(emu: Emulator, controls: StripeEmulatorControls) {
  const app = new Hono();
  const clock = () => ({ now: emu.clock.now().toISOString(), unix: emu.clock.unix() });
  const subscription = (id: string) => {
    const found = emu.store.state.subscriptions.find((s) => s.id === id);
    if (!found) throw noSuch("subscription", id);
    return found;
  };

  app.get("/", (c) =>
    c.json({
      baseUrl: emu.baseUrl,
      ...clock(),
      accounts: emu.store.state.accounts.map((a) => ({ accountId: a.id, displayName: a.displayName })),
    }),
  );
  app.post("/accounts", async (c) => {
    const body = await jsonBody(c.req);
    const options = {
      secretKey: optionalString(body, "secretKey"),
      accountId: optionalString(body, "accountId"),
      displayName: optionalString(body, "displayName"),
    };
    try {
      return c.json(createAccount(emu, options), 201);
    } catch (error) {
      throw badRequest(error instanceof Error ? error.message : String(error));
    }
  });

  app.get("/clock", (c) => c.json(clock()));
  app.post("/clock/advance", async (c) => {
    const seconds = (await jsonBody(c.req)).seconds;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      throw badRequest("seconds must be a number of seconds, 0 or more");
    }
    await controls.advance(seconds);
    return c.json(clock());
  });

  app.post("/subscriptions/:id/fail_next_renewal", (c) => {
    const found = subscription(c.req.param("id"));
    found.failNextRenewal = true;
    emu.store.changed();
    return c.json({ id: found.id, failNextRenewal: true });
  });
  app.post("/subscriptions/:id/pay", async (c) => {
    const found = subscription(c.req.param("id"));
    if (found.status !== "past_due") throw badRequest(`Subscription ${found.id} is ${found.status}, not past_due`);
    await controls.payOpenInvoice(found.id);
    return c.json({ id: found.id, status: found.status });
  });

  app.get("/deliveries", (c) => c.json(emu.dispatcher.list(c.req.query("accountId"))));
  app.post("/deliveries/:id/redeliver", (c) => {
    const delivery = emu.dispatcher.redeliver(c.req.param("id"));
    if (!delivery) throw noSuch("delivery", c.req.param("id"));
    return c.json(delivery, 201);
  });
  app.post("/webhooks/pause", (c) => {
    emu.dispatcher.pause();
    return c.json(emu.dispatcher.settings);
  });
  app.post("/webhooks/resume", (c) => {
    emu.dispatcher.resume();
    return c.json(emu.dispatcher.settings);
  });
  app.post("/webhooks/duplicate", async (c) => {
    const on = (await jsonBody(c.req)).on;
    if (typeof on !== "boolean") throw badRequest("on must be a boolean");
    emu.dispatcher.settings.duplicate = on;
    return c.json(emu.dispatcher.settings);
  });

  app.get("/events", (c) => {
    const accountId = c.req.query("accountId");
    const type = c.req.query("type");
    const events = emu.store.state.events.filter(
      (e) => (!accountId || e.accountId === accountId) && (!type || e.event.type === type),
    );
    return c.json(events.map((e) => e.event));
  });
  return app;
}
