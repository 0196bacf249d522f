import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { type ServeStripeOptions, serveStripeEmulator } from "../src/serve.ts";

/** The emulator on a free port, one account, and the official SDK pointed at it. */
export async function startStripe(options: ServeStripeOptions = {}) {
  const served = await serveStripeEmulator({
    webhookRetry: { attempts: 3, baseDelayMs: 20, timeoutMs: 2000 },
    log: () => {},
    ...options,
  });
  const account = await served.emulator.createAccount({ displayName: "Marquee Academy" });
  const port = Number(new URL(served.url).port);
  const sdk = (secretKey = account.secretKey) =>
    new Stripe(secretKey, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
  return { ...served, account, stripe: sdk(), sdk, control: `${served.url}/_control` };
}

export type StripeHarness = Awaited<ReturnType<typeof startStripe>>;

export async function createPlan(
  stripe: Stripe,
  { name = "Pro", amount = 1900, interval = "month" as "month" | "year" | null } = {},
) {
  const product = await stripe.products.create({ name });
  const price = await stripe.prices.create({
    product: product.id,
    unit_amount: amount,
    currency: "usd",
    ...(interval ? { recurring: { interval } } : {}),
  });
  return { product, price };
}

export type CardFields = { email: string; number: string; expiry: string; cvc: string; name: string };

/** Submits the hosted Checkout form like a browser without JavaScript would. */
export function payCheckout(url: string, fields: Partial<CardFields> = {}) {
  const form = new URLSearchParams({
    email: "learner@example.com",
    number: "4242 4242 4242 4242",
    expiry: "12 / 34",
    cvc: "123",
    name: "Ada Lovelace",
    ...fields,
  });
  return fetch(url, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
}

/** A plan, a subscription-mode session, paid with 4242: what most billing tests start from. */
export async function subscribe(h: StripeHarness, options: { trialDays?: number; customer?: string } = {}) {
  const { product, price } = await createPlan(h.stripe);
  const session = await h.stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: "https://app.example/success?session={CHECKOUT_SESSION_ID}",
    cancel_url: "https://app.example/pricing",
    ...(options.customer ? { customer: options.customer } : { customer_email: "learner@example.com" }),
    ...(options.trialDays ? { subscription_data: { trial_period_days: options.trialDays } } : {}),
  });
  const response = await payCheckout(String(session.url));
  if (response.status !== 303) throw new Error(`checkout answered ${response.status}: ${await response.text()}`);
  const paid = await h.stripe.checkout.sessions.retrieve(session.id);
  return { product, price, session: paid, subscriptionId: String(paid.subscription) };
}

export type Received = { event: Stripe.Event; raw: string; signature: string };

/**
 * A local webhook receiver that checks every delivery with the SDK's own `constructEventAsync` (answering 400 when
 * it fails) and answers `statuses` in turn, then 200.
 */
export async function startReceiver(stripe: Stripe, statuses: number[] = []) {
  const received: Received[] = [];
  const rejected: string[] = [];
  const state = { secret: "" };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["stripe-signature"]);
      try {
        const event = await stripe.webhooks.constructEventAsync(raw, signature, state.secret);
        received.push({ event, raw, signature });
        res.writeHead(statuses.shift() ?? 200).end();
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  return {
    url,
    received,
    rejected,
    types: () => received.map((r) => r.event.type),
    setSecret(secret: string) {
      state.secret = secret;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A receiver subscribed to every event of the harness's account. */
export async function listen(h: StripeHarness, statuses: number[] = [], enabledEvents: string[] = ["*"]) {
  const receiver = await startReceiver(h.stripe, statuses);
  const endpoint = await h.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: enabledEvents as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
  });
  receiver.setSecret(String(endpoint.secret));
  return { receiver, endpoint };
}

export async function waitFor<T>(check: () => T | undefined | null | false, ms = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error("waitFor timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const DAY = 86_400;
