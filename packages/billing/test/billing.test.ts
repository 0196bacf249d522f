import { createStripeEmulator } from "@marquee/emulators/stripe";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import {
  BillingError,
  createCheckoutSession,
  createCustomer,
  ensurePrice,
  parseWebhook,
  readAccount,
  readCheckoutSession,
  signPayload,
  stripeClient,
  upsertProduct,
} from "../src";

/** The emulator mounted under a prefix of a parent app, reached in-process: the embedded server's setup. */
async function mounted() {
  const emulator = createStripeEmulator({ baseUrl: "http://marquee.test/emulators/stripe", log: () => {} });
  const parent = new Hono();
  parent.route("/emulators/stripe", emulator.app);
  const seen: string[] = [];
  const env = {
    apiBaseUrl: emulator.apiBaseUrl,
    fetch: (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push(new URL(request.url).pathname);
      return Promise.resolve(parent.fetch(request));
    },
  };
  const account = await emulator.createAccount({ displayName: "Dojo" });
  return { emulator, env, seen, stripe: stripeClient(account.secretKey, env), account };
}

describe("stripe client", () => {
  it("reaches a Stripe stand-in mounted under a path prefix", async () => {
    const { stripe, seen } = await mounted();
    expect(await readAccount(stripe)).toMatchObject({ id: expect.stringMatching(/^acct_/), name: "Dojo" });
    expect(seen).toContain("/emulators/stripe/v1/account");
  });

  it("keeps a price that still matches and replaces one that does not, retiring the old", async () => {
    const { stripe } = await mounted();
    const productId = await upsertProduct(stripe, { productId: null, name: "Premium", description: "", metadata: {} });
    const spec = { unitAmount: 1900, currency: "usd", interval: "month" as const };
    const first = await ensurePrice(stripe, { productId, currentPriceId: null, spec, metadata: {} });
    expect(await ensurePrice(stripe, { productId, currentPriceId: first, spec, metadata: {} })).toBe(first);
    const second = await ensurePrice(stripe, {
      productId,
      currentPriceId: first,
      spec: { ...spec, unitAmount: 2100 },
      metadata: {},
    });
    expect(second).not.toBe(first);
    expect((await stripe.prices.retrieve(first)).active).toBe(false);
  });

  it("creates checkout sessions whose metadata reaches what they create", async () => {
    const { stripe } = await mounted();
    const productId = await upsertProduct(stripe, { productId: null, name: "Pack", description: "", metadata: {} });
    const priceId = await ensurePrice(stripe, {
      productId,
      currentPriceId: null,
      spec: { unitAmount: 500, currency: "usd", interval: null },
      metadata: {},
    });
    const customerId = await createCustomer(stripe, { email: "m@example.com", name: "M", metadata: {} });
    const session = await createCheckoutSession(stripe, {
      mode: "payment",
      customerId,
      priceId,
      successUrl: "http://marquee.test/ok?session_id={CHECKOUT_SESSION_ID}",
      cancelUrl: "http://marquee.test/no",
      clientReferenceId: "u1",
      metadata: { marquee_kind: "pack" },
    });
    expect(session.url).toContain("/emulators/stripe/c/pay/");
    expect(await readCheckoutSession(stripe, session.id)).toMatchObject({
      id: session.id,
      mode: "payment",
      status: "open",
      paid: false,
      customerId,
      metadata: { marquee_kind: "pack" },
    });
    expect(await readCheckoutSession(stripe, "cs_test_missing")).toBeNull();
  });

  it("turns Stripe's refusals into BillingErrors with user-facing messages", async () => {
    const { env } = await mounted();
    const wrong = stripeClient("sk_test_emu_notarealkey0000000000000", env);
    const error = await readAccount(wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BillingError);
    expect(error).toMatchObject({ kind: "auth", message: expect.stringContaining("secret key") });
  });
});

describe("webhook parsing", () => {
  const secret = "whsec_testsecret0123456789";
  const body = JSON.stringify({ id: "evt_1", object: "event", type: "invoice.paid", data: { object: {} } });
  const now = new Date("2026-11-23T12:00:00Z");
  const at = Math.floor(now.getTime() / 1000);

  it("accepts Stripe's signature and rejects tampering, staleness and a missing header", async () => {
    const header = signPayload(body, secret, at);
    expect(await parseWebhook({ rawBody: body, signatureHeader: header, secret, now })).toMatchObject({
      ok: true,
      event: { id: "evt_1", type: "invoice.paid" },
    });
    expect(await parseWebhook({ rawBody: `${body} `, signatureHeader: header, secret, now })).toEqual({
      ok: false,
      reason: "signature mismatch",
    });
    expect(
      await parseWebhook({ rawBody: body, signatureHeader: signPayload(body, secret, at - 301), secret, now }),
    ).toEqual({ ok: false, reason: "signature too old" });
    expect(await parseWebhook({ rawBody: body, signatureHeader: null, secret, now })).toMatchObject({ ok: false });
  });
});
