import type Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createPlan,
  DAY,
  listen,
  type Receiver,
  type StripeHarness,
  startStripe,
  subscribe,
} from "./stripe-harness.ts";

let h: StripeHarness;
let receiver: Receiver;

// A fresh emulator per test: the clock moves, and every test reads its own event stream.
beforeEach(async () => {
  h = await startStripe();
  ({ receiver } = await listen(h));
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});

const periodOf = (subscription: Stripe.Subscription) => {
  const item = subscription.items.data[0];
  return [item?.current_period_start, item?.current_period_end];
};

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

describe("subscriptions API", () => {
  it("lists by customer, status and price; updates metadata and cancel_at_period_end", async () => {
    const { subscriptionId, price, session } = await subscribe(h);
    const customer = String(session.customer);
    expect((await h.stripe.subscriptions.list({ customer })).data.map((s) => s.id)).toEqual([subscriptionId]);
    expect((await h.stripe.subscriptions.list({ price: price.id })).data).toHaveLength(1);
    expect((await h.stripe.subscriptions.list({ status: "canceled" })).data).toHaveLength(0);
    const updated = await h.stripe.subscriptions.update(subscriptionId, {
      cancel_at_period_end: true,
      metadata: { tenantId: "t1" },
    });
    expect(updated).toMatchObject({ cancel_at_period_end: true, metadata: { tenantId: "t1" } });
    expect(updated.cancel_at).toBe(periodOf(updated)[1]);
    const event = h.emulator.events(h.account.accountId).findLast((e) => e.type === "customer.subscription.updated");
    expect(event?.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, metadata: {} });
  });

  it("changes the plan in place, keeping the period", async () => {
    const { subscriptionId } = await subscribe(h);
    const { price: yearly } = await createPlan(h.stripe, { name: "Pro yearly", amount: 19_000, interval: "year" });
    const before = await h.stripe.subscriptions.retrieve(subscriptionId);
    const itemId = String(before.items.data[0]?.id);
    const after = await h.stripe.subscriptions.update(subscriptionId, {
      items: [{ id: itemId, price: yearly.id }],
      proration_behavior: "none",
    });
    expect(after.items.data).toHaveLength(1);
    expect(after.items.data[0]).toMatchObject({ id: itemId, price: { id: yearly.id } });
    expect(periodOf(after)).toEqual(periodOf(before));
    const wrongItem = await h.stripe.subscriptions
      .update(subscriptionId, { items: [{ id: "si_missing", price: yearly.id }] })
      .catch((e: unknown) => e);
    expect(wrongItem).toMatchObject({ statusCode: 400, code: "resource_missing", param: "items[0][id]" });
  });

  it("cancels now with DELETE", async () => {
    const { subscriptionId } = await subscribe(h);
    const canceled = await h.stripe.subscriptions.cancel(subscriptionId);
    expect(canceled.status).toBe("canceled");
    expect(canceled.ended_at).toBe(canceled.canceled_at);
    expect((await h.stripe.subscriptions.list({ status: "all" })).data).toHaveLength(1);
    expect((await h.stripe.subscriptions.list()).data).toHaveLength(0);
    await h.emulator.webhooks.settled();
    expect(receiver.types()).toContain("customer.subscription.deleted");
  });
});

describe("clock", () => {
  it("renews monthly: twelve paid invoices over a year, each event after its invoice", async () => {
    const { subscriptionId } = await subscribe(h);
    const start = await h.stripe.subscriptions.retrieve(subscriptionId);
    await h.emulator.clock.advance(365 * DAY);
    const renewed = await h.stripe.subscriptions.retrieve(subscriptionId);
    expect(renewed.status).toBe("active");
    const end = new Date(Number(periodOf(start)[1]) * 1000);
    end.setUTCMonth(end.getUTCMonth() + 12);
    expect(periodOf(renewed)[1]).toBe(end.getTime() / 1000);
    const invoices = await h.stripe.invoices.list({ subscription: subscriptionId, limit: 100 });
    expect(invoices.data).toHaveLength(13);
    expect(invoices.data.filter((i) => i.billing_reason === "subscription_cycle")).toHaveLength(12);
    expect(invoices.data.every((i) => i.status === "paid")).toBe(true);
    const types = h.emulator.events(h.account.accountId).map((e) => e.type);
    expect(types.filter((t) => t === "invoice.paid")).toHaveLength(13);
    const cycle = h.emulator.events(h.account.accountId).filter((e) => e.created > start.created);
    expect(cycle[0]?.type).toBe("invoice.paid");
    expect(cycle[1]?.type).toBe("customer.subscription.updated");
    const previous = cycle[1]?.data.previous_attributes as Partial<Stripe.Subscription>;
    expect(previous.items?.data[0]?.current_period_end).toBe(periodOf(start)[1]);
    expect(receiver.received.length).toBeGreaterThanOrEqual(types.length);
    const { now } = (await (await fetch(`${h.control}/clock`)).json()) as { now: string };
    expect(Date.parse(now) - Date.now()).toBeGreaterThan(364 * DAY * 1000);
  });

  it("ends a subscription at period end when asked to", async () => {
    const { subscriptionId } = await subscribe(h);
    await h.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await h.emulator.clock.advance(40 * DAY);
    const ended = await h.stripe.subscriptions.retrieve(subscriptionId);
    expect(ended.status).toBe("canceled");
    expect(ended.ended_at).toBe(periodOf(ended)[1]);
    expect(receiver.types().at(-1)).toBe("customer.subscription.deleted");
  });

  it("turns a trial into a paid active subscription", async () => {
    const { subscriptionId } = await subscribe(h, { trialDays: 7 });
    await h.emulator.clock.advance(8 * DAY);
    const active = await h.stripe.subscriptions.retrieve(subscriptionId, { expand: ["latest_invoice"] });
    expect(active.status).toBe("active");
    expect(active.latest_invoice).toMatchObject({
      status: "paid",
      billing_reason: "subscription_cycle",
      amount_paid: 1900,
    });
  });

  it("fails a renewal: past_due with an open invoice, then paid; unpaid for 14 days, canceled", async () => {
    const { subscriptionId } = await subscribe(h);
    h.emulator.subscriptions.failNextRenewal(subscriptionId);
    await h.emulator.clock.advance(32 * DAY);
    const pastDue = await h.stripe.subscriptions.retrieve(subscriptionId, { expand: ["latest_invoice"] });
    expect(pastDue.status).toBe("past_due");
    expect(pastDue.latest_invoice).toMatchObject({
      status: "open",
      attempt_count: 1,
      amount_paid: 0,
      amount_due: 1900,
    });
    expect(receiver.types().slice(-2)).toEqual(["invoice.payment_failed", "customer.subscription.updated"]);

    await h.emulator.subscriptions.payOpenInvoice(subscriptionId);
    const paid = await h.stripe.subscriptions.retrieve(subscriptionId, { expand: ["latest_invoice"] });
    expect(paid.status).toBe("active");
    expect(paid.latest_invoice).toMatchObject({ status: "paid", amount_paid: 1900 });
    const nowUnix = h.emulator.clock.now().getTime() / 1000;
    expect(Math.abs(Number(periodOf(paid)[0]) - nowUnix)).toBeLessThan(2);
    expect(receiver.types().slice(-2)).toEqual(["invoice.paid", "customer.subscription.updated"]);

    const response = await fetch(`${h.control}/subscriptions/${subscriptionId}/fail_next_renewal`, { method: "POST" });
    expect(response.status).toBe(200);
    await h.emulator.clock.advance(32 * DAY);
    expect((await h.stripe.subscriptions.retrieve(subscriptionId)).status).toBe("past_due");
    await fetch(`${h.control}/clock/advance`, { method: "POST", body: JSON.stringify({ seconds: 15 * DAY }) });
    const canceled = await h.stripe.subscriptions.retrieve(subscriptionId);
    expect(canceled).toMatchObject({ status: "canceled", cancellation_details: { reason: "payment_failed" } });
    expect(receiver.types().at(-1)).toBe("customer.subscription.deleted");
  });
});

describe("billing portal", () => {
  it("shows the plan and cancels, resumes and switches it with form posts", async () => {
    const { subscriptionId, session } = await subscribe(h);
    const { product: team, price: teamPrice } = await createPlan(h.stripe, { name: "Team", amount: 4900 });
    const portal = await h.stripe.billingPortal.sessions.create({
      customer: String(session.customer),
      return_url: "https://app.example/account",
    });
    expect(portal.id).toMatch(/^bps_/);
    expect(portal).toMatchObject({ object: "billing_portal.session", url: `${h.url}/p/session/${portal.id}` });
    const page = await (await fetch(portal.url)).text();
    expect(page).toContain("Pro");
    expect(page).toContain("$19.00/month");
    expect(page).toMatch(/Renews on \w+ \d+, \d{4}/);
    expect(page).toContain("Return to Marquee Academy");
    expect(page).toContain(`Switch to ${team.name} — $49.00/month`);

    const canceled = await (await fetch(portal.url, form({ action: "cancel", subscription: subscriptionId }))).text();
    expect(canceled).toMatch(/role="status">Your plan will be canceled on/);
    expect(canceled).toContain("Cancels on");
    expect(canceled).toContain("Don&#39;t cancel");
    expect((await h.stripe.subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(true);

    await fetch(portal.url, form({ action: "uncancel", subscription: subscriptionId }));
    expect((await h.stripe.subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(false);

    const switched = await fetch(
      portal.url,
      form({ action: "switch", subscription: subscriptionId, price: teamPrice.id }),
    );
    expect(await switched.text()).toContain("You switched to Team");
    expect((await h.stripe.subscriptions.retrieve(subscriptionId)).items.data[0]?.price.id).toBe(teamPrice.id);

    await h.emulator.webhooks.settled();
    const updates = receiver.received.filter((r) => r.event.type === "customer.subscription.updated");
    expect(updates).toHaveLength(3);
    expect(updates.map((u) => Object.keys(u.event.data.previous_attributes ?? {}))).toEqual([
      expect.arrayContaining(["cancel_at_period_end"]),
      expect.arrayContaining(["cancel_at_period_end"]),
      ["items"],
    ]);
  });

  it("says so when the customer has no subscription", async () => {
    const customer = await h.stripe.customers.create({ email: "none@example.com" });
    const portal = await h.stripe.billingPortal.sessions.create({ customer: customer.id });
    expect(await (await fetch(portal.url)).text()).toContain("No active subscription");
    const missing = await h.stripe.billingPortal.sessions.create({ customer: "cus_missing" }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
  });
});
