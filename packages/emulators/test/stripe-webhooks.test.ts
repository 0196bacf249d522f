import type Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listen, type StripeHarness, startReceiver, startStripe, subscribe, waitFor } from "./stripe-harness.ts";

let h: StripeHarness;

beforeEach(async () => {
  h = await startStripe();
});
afterEach(() => h.close());

describe("webhook endpoints", () => {
  it("shows the secret only on create, and updates, lists and deletes", async () => {
    const endpoint = await h.stripe.webhookEndpoints.create({
      url: "http://127.0.0.1:9/hook",
      enabled_events: ["checkout.session.completed"],
      description: "Marquee",
      metadata: { env: "test" },
    });
    expect(endpoint.id).toMatch(/^we_/);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(endpoint).toMatchObject({ object: "webhook_endpoint", status: "enabled", livemode: false });
    const fetched = await h.stripe.webhookEndpoints.retrieve(endpoint.id);
    expect(fetched.secret).toBeUndefined();
    const updated = await h.stripe.webhookEndpoints.update(endpoint.id, { enabled_events: ["*"], disabled: true });
    expect(updated).toMatchObject({ enabled_events: ["*"], status: "disabled", metadata: { env: "test" } });
    expect((await h.stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([endpoint.id]);
    expect(await h.stripe.webhookEndpoints.del(endpoint.id)).toMatchObject({ id: endpoint.id, deleted: true });
    const missing = await h.stripe.webhookEndpoints
      .create({ url: "http://127.0.0.1:9/hook" } as Stripe.WebhookEndpointCreateParams)
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "enabled_events" });
  });
});

describe("deliveries", () => {
  it("signs every delivery so the SDK's constructEventAsync accepts it, in Stripe's order for a checkout", async () => {
    const { receiver, endpoint } = await listen(h);
    const { session, subscriptionId } = await subscribe(h);
    await h.emulator.webhooks.settled();
    expect(receiver.rejected).toEqual([]);
    const types = receiver.received
      .map((r) => r.event)
      .sort(
        (a, b) =>
          h.emulator.events().findIndex((e) => e.id === a.id) - h.emulator.events().findIndex((e) => e.id === b.id),
      )
      .map((e) => e.type);
    expect(types).toEqual([
      "product.created",
      "price.created",
      "customer.created",
      "customer.subscription.created",
      "invoice.paid",
      "checkout.session.completed",
    ]);
    const completed = receiver.received.find((r) => r.event.type === "checkout.session.completed");
    expect(completed?.event).toMatchObject({
      object: "event",
      api_version: "2026-10-28.endive",
      livemode: false,
      data: { object: { id: session.id, subscription: subscriptionId, status: "complete" } },
    });
    expect(completed?.event.id).toMatch(/^evt_/);
    expect(completed?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const delivery = h.emulator.webhooks.deliveries(h.account.accountId).find((d) => d.eventType === "invoice.paid");
    expect(delivery).toMatchObject({ endpointId: endpoint.id, state: "delivered", url: receiver.url });
    await receiver.close();
  });

  it("retries a failing receiver with backoff and records every attempt", async () => {
    const { receiver } = await listen(h, [500, 503], ["customer.created"]);
    await h.stripe.customers.create({ email: "retry@example.com" });
    const delivery = await waitFor(() => h.emulator.webhooks.deliveries().find((d) => d.state === "delivered"));
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.event.id)).size).toBe(1);
    await h.emulator.webhooks.settled();
    const event = await h.stripe.events.retrieve(delivery.eventId);
    expect(event.pending_webhooks).toBe(0);
    await receiver.close();
  });

  it("gives up after the configured attempts", async () => {
    await h.stripe.webhookEndpoints.create({ url: "http://127.0.0.1:9/closed", enabled_events: ["*"] });
    await h.stripe.customers.create({ email: "lost@example.com" });
    await h.emulator.webhooks.settled();
    const [delivery] = h.emulator.webhooks.deliveries();
    expect(delivery?.state).toBe("failed");
    expect(delivery?.attempts).toHaveLength(3);
    expect(delivery?.attempts[0]?.error).toBeTruthy();
  });

  it("queues while paused, sends in order on resume, and redelivers on request", async () => {
    const { receiver } = await listen(h, [], ["customer.created"]);
    h.emulator.webhooks.pause();
    const first = await h.stripe.customers.create({ email: "one@example.com" });
    const second = await h.stripe.customers.create({ email: "two@example.com" });
    await h.emulator.webhooks.settled();
    expect(receiver.received).toHaveLength(0);
    expect(h.emulator.webhooks.deliveries().map((d) => d.state)).toEqual(["pending", "pending"]);
    await fetch(`${h.control}/webhooks/resume`, { method: "POST" });
    await h.emulator.webhooks.settled();
    expect(receiver.received.map((r) => (r.event.data.object as Stripe.Customer).id)).toEqual([first.id, second.id]);

    const original = h.emulator.webhooks.deliveries()[0];
    const response = await fetch(`${h.control}/deliveries/${original?.id}/redeliver`, { method: "POST" });
    expect(response.status).toBe(201);
    await h.emulator.webhooks.settled();
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]?.raw).toBe(receiver.received[0]?.raw);
    expect(h.emulator.webhooks.redeliver("whdel_missing")).toBeUndefined();
    await receiver.close();
  });

  it("delivers everything twice with duplicateWebhooks", async () => {
    await h.close();
    h = await startStripe({ duplicateWebhooks: true });
    const { receiver } = await listen(h, [], ["customer.created"]);
    await h.stripe.customers.create({ email: "twice@example.com" });
    await h.emulator.webhooks.settled();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.event.id).toBe(receiver.received[1]?.event.id);
    h.emulator.webhooks.setDuplicate(false);
    await h.stripe.customers.create({ email: "once@example.com" });
    await h.emulator.webhooks.settled();
    expect(receiver.received).toHaveLength(3);
    await receiver.close();
  });

  it("only sends an endpoint the events it subscribed to", async () => {
    const all = await startReceiver(h.stripe);
    const some = await listen(h, [], ["invoice.paid"]);
    const endpoint = await h.stripe.webhookEndpoints.create({ url: all.url, enabled_events: ["*"] });
    all.setSecret(String(endpoint.secret));
    await subscribe(h);
    await h.emulator.webhooks.settled();
    expect(some.receiver.types()).toEqual(["invoice.paid"]);
    expect(all.received.length).toBeGreaterThan(1);
    await all.close();
    await some.receiver.close();
  });
});

describe("events API", () => {
  it("retrieves and lists events, filtered by type", async () => {
    await subscribe(h);
    const paid = await h.stripe.events.list({ type: "invoice.paid" });
    expect(paid.data).toHaveLength(1);
    const event = paid.data[0];
    expect(event).toMatchObject({
      object: "event",
      type: "invoice.paid",
      request: { id: null, idempotency_key: null },
    });
    expect((await h.stripe.events.retrieve(String(event?.id))).id).toBe(event?.id);
    const subscriptionEvents = await h.stripe.events.list({ type: "customer.subscription.*" });
    expect(subscriptionEvents.data.map((e) => e.type)).toEqual(["customer.subscription.created"]);
    const created = (await h.stripe.events.list({ type: "product.created" })).data[0];
    expect(created?.request?.id).toMatch(/^req_/);
    expect(created?.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
  });
});
