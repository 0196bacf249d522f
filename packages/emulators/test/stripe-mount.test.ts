import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeEmulator, signStripePayload } from "../src/index.ts";
import { DAY } from "./stripe-harness.ts";

const baseUrl = "http://localhost:3000/emulators/stripe";

/**
 * The server's setup: the emulator mounted under a prefix of its own Hono app, and the SDK (which has no base-path
 * option) given a fetch that rewrites `https://api.stripe.com/v1/...` to `${baseUrl}/v1/...`, in process.
 */
function mounted(options: { dataDir?: string; secretKey?: string } = {}) {
  const received: { event: Stripe.Event; signature: string }[] = [];
  const receiverApp = new Hono();
  const secrets = { current: "" };
  receiverApp.post("/webhooks/stripe", async (c) => {
    const signature = c.req.header("stripe-signature") ?? "";
    const event = await new Stripe("sk_unused").webhooks.constructEventAsync(
      await c.req.text(),
      signature,
      secrets.current,
    );
    received.push({ event, signature });
    return c.body(null, 200);
  });
  const emulator = createStripeEmulator({
    baseUrl,
    dataDir: options.dataDir,
    log: () => {},
    fetch: async (input, init) => receiverApp.request(String(input), init),
  });
  const parent = new Hono();
  parent.route("/emulators/stripe", emulator.app);
  const request = async (url: string, init?: RequestInit) => parent.request(url, init);
  const rewrite = (url: string) => {
    const { pathname, search } = new URL(url);
    return `${emulator.apiBaseUrl}${pathname}${search}`;
  };
  const sdk = (secretKey: string) =>
    new Stripe(secretKey, {
      httpClient: Stripe.createFetchHttpClient((input, init) => request(rewrite(String(input)), init)),
      maxNetworkRetries: 0,
    });
  return { emulator, request, sdk, received, secrets };
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

describe("mounted under a prefix and called in process", () => {
  it("serves the SDK, the hosted pages and webhooks through the parent app", async () => {
    const { emulator, request, sdk, received, secrets } = mounted();
    const account = await emulator.createAccount({ displayName: "Mounted" });
    const stripe = sdk(account.secretKey);
    expect((await stripe.accounts.retrieveCurrent()).settings?.dashboard.display_name).toBe("Mounted");
    const endpoint = await stripe.webhookEndpoints.create({
      url: "http://localhost:3000/webhooks/stripe",
      enabled_events: ["checkout.session.completed", "customer.subscription.updated"],
    });
    secrets.current = String(endpoint.secret);
    const price = await stripe.prices.create({
      product_data: { name: "Pro" },
      unit_amount: 1900,
      currency: "usd",
      recurring: { interval: "month" },
    });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      customer_email: "mounted@example.com",
      success_url: "http://localhost:3000/billing/done?id={CHECKOUT_SESSION_ID}",
    });
    expect(session.url).toBe(`${baseUrl}/c/pay/${session.id}`);
    expect((await request(String(session.url))).status).toBe(200);
    const paid = await request(
      String(session.url),
      form({ email: "", number: "4242424242424242", expiry: "1/40", cvc: "999" }),
    );
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://localhost:3000/billing/done?id=${session.id}`);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription.status).toBe("active");

    const portal = await stripe.billingPortal.sessions.create({ customer: String(done.customer) });
    expect(portal.url).toBe(`${baseUrl}/p/session/${portal.id}`);
    const canceled = await request(portal.url, form({ action: "cancel", subscription: subscription.id }));
    expect(await canceled.text()).toContain("Cancels on");

    await emulator.webhooks.settled();
    expect(received.map((r) => r.event.type)).toEqual(["checkout.session.completed", "customer.subscription.updated"]);
    const error = await stripe.subscriptions.retrieve("sub_missing").catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
    const control = await request(`${baseUrl}/_control/clock/advance`, { method: "POST", body: '{"seconds":60}' });
    expect(control.status).toBe(200);
    await emulator.close();
  });
});

describe("persistence", () => {
  it("keeps accounts, objects and the advanced clock across restarts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "stripe-emulator-"));
    try {
      const first = mounted({ dataDir });
      const account = await first.emulator.createAccount();
      const product = await first.sdk(account.secretKey).products.create({ name: "Kept" });
      await first.emulator.clock.advance(10 * DAY);
      const advancedTo = first.emulator.clock.now().getTime();
      await first.emulator.close();

      const second = mounted({ dataDir });
      expect(second.emulator.accounts().map((a) => a.accountId)).toEqual([account.accountId]);
      expect((await second.sdk(account.secretKey).products.retrieve(product.id)).name).toBe("Kept");
      expect(second.emulator.clock.now().getTime()).toBeGreaterThanOrEqual(advancedTo);
      await second.emulator.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("signStripePayload", () => {
  it("matches the SDK's own test header", () => {
    const stripe = new Stripe("sk_unused");
    const payload = '{"id":"evt_1"}';
    const secret = "whsec_test";
    const expected = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: 1_700_000_000 });
    expect(signStripePayload(secret, payload, 1_700_000_000)).toBe(expected);
  });
});
