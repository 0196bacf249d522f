import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlan, payCheckout, type StripeHarness, startStripe, subscribe } from "./stripe-harness.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripe();
});
afterAll(() => h.close());

describe("checkout sessions", () => {
  it("creates an open subscription session with Stripe's fields", async () => {
    const { price } = await createPlan(h.stripe);
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      customer_email: "learner@example.com",
      client_reference_id: "tenant_1",
      metadata: { tenantId: "t1" },
      subscription_data: { metadata: { tenantId: "t1" } },
      success_url: "https://app.example/ok?session={CHECKOUT_SESSION_ID}",
      cancel_url: "https://app.example/pricing",
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      mode: "subscription",
      url: `${h.url}/c/pay/${session.id}`,
      customer: null,
      customer_email: "learner@example.com",
      client_reference_id: "tenant_1",
      amount_total: 1900,
      currency: "usd",
      livemode: false,
      success_url: "https://app.example/ok?session={CHECKOUT_SESSION_ID}",
    });
    expect(session.expires_at - session.created).toBe(86_400);
    const items = await h.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({ object: "item", quantity: 1, amount_total: 1900, description: "Pro" });
    const expanded = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(expanded.line_items?.data[0]?.price?.id).toBe(price.id);
  });

  it("rejects mode and price mismatches, unknown prices and missing params like Stripe", async () => {
    const { price: monthly } = await createPlan(h.stripe);
    const { price: oneTime } = await createPlan(h.stripe, { interval: null });
    const attempt = (params: Stripe.Checkout.SessionCreateParams) =>
      h.stripe.checkout.sessions.create(params).catch((e: unknown) => e);
    const recurringInPayment = await attempt({ mode: "payment", line_items: [{ price: monthly.id, quantity: 1 }] });
    expect(recurringInPayment).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((recurringInPayment as Error).message).toMatch(/`payment` mode but passed a recurring price/);
    const oneTimeInSubscription = await attempt({
      mode: "subscription",
      line_items: [{ price: oneTime.id, quantity: 1 }],
    });
    expect((oneTimeInSubscription as Error).message).toMatch(/at least one recurring price in `subscription` mode/);
    const unknown = await attempt({ mode: "subscription", line_items: [{ price: "price_missing", quantity: 1 }] });
    expect(unknown).toMatchObject({ statusCode: 400, code: "resource_missing", param: "line_items[0][price]" });
    const noMode = await attempt({
      line_items: [{ price: monthly.id, quantity: 1 }],
    } as Stripe.Checkout.SessionCreateParams);
    expect(noMode).toMatchObject({ code: "parameter_missing", param: "mode" });
  });

  it("subscribes with 4242: customer, active subscription with its period on the item, paid invoice", async () => {
    const { session, subscriptionId, price } = await subscribe(h);
    expect(session).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(subscriptionId).toMatch(/^sub_/);
    const subscription = await h.stripe.subscriptions.retrieve(subscriptionId, {
      expand: ["latest_invoice", "customer", "items.data.price.product"],
    });
    expect(subscription.status).toBe("active");
    const [item] = subscription.items.data;
    if (!item) throw new Error("subscription has no item");
    expect(item.price.id).toBe(price.id);
    expect((item.price.product as Stripe.Product).name).toBe("Pro");
    const start = item.current_period_start;
    const end = new Date(start * 1000);
    end.setUTCMonth(end.getUTCMonth() + 1);
    expect(item.current_period_end).toBe(end.getTime() / 1000);
    expect((subscription.customer as Stripe.Customer).email).toBe("learner@example.com");
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({
      status: "paid",
      amount_paid: 1900,
      amount_due: 1900,
      billing_reason: "subscription_create",
      parent: { subscription_details: { subscription: subscriptionId } },
    });
    expect(invoice.id).toMatch(/^in_/);
    const withParent = await h.stripe.invoices.retrieve(invoice.id, {
      expand: ["parent.subscription_details.subscription", "customer"],
    });
    const parentSubscription = withParent.parent?.subscription_details?.subscription as Stripe.Subscription | undefined;
    expect(parentSubscription?.status).toBe("active");
    expect(withParent.lines.data[0]?.period).toEqual({ start, end: item.current_period_end });
    const noTopLevel = await h.stripe.invoices
      .retrieve(invoice.id, { expand: ["subscription"] })
      .catch((e: unknown) => e);
    expect(noTopLevel).toMatchObject({ statusCode: 400, message: "This property cannot be expanded (subscription)." });
    const sessions = await h.stripe.checkout.sessions.list({ subscription: subscriptionId });
    expect(sessions.data.map((s) => s.id)).toEqual([session.id]);
    const expanded = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "customer"] });
    expect((expanded.subscription as Stripe.Subscription).id).toBe(subscriptionId);
  });

  it("redirects to success_url with the session id filled in", async () => {
    const { price } = await createPlan(h.stripe);
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "https://app.example/ok?session={CHECKOUT_SESSION_ID}",
    });
    const response = await payCheckout(String(session.url));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`https://app.example/ok?session=${session.id}`);
    const again = await fetch(String(session.url));
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already complete");
  });

  it("renders an accessible page and declines 0002 without creating anything", async () => {
    const { price } = await createPlan(h.stripe, { name: "Studio" });
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      customer_email: "decline@example.com",
      cancel_url: "https://app.example/pricing",
    });
    const page = await (await fetch(String(session.url))).text();
    expect(page).toContain("Stripe emulator");
    expect(page).toContain("Marquee Academy");
    expect(page).toContain("Studio");
    expect(page).toContain("$19.00");
    expect(page).toContain("per month");
    expect(page).toContain('<label for="card-number">');
    expect(page).toContain('value="decline@example.com"');
    expect(page).toContain('href="https://app.example/pricing"');
    expect(page).toMatch(/<button type="submit"[^>]*>Subscribe<\/button>/);

    const declined = await payCheckout(String(session.url), { number: "4000 0000 0000 0002" });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toMatch(/role="alert"[^>]*>Your card was declined\./);
    const insufficient = await payCheckout(String(session.url), { number: "4000000000009995" });
    expect(await insufficient.text()).toContain("Your card has insufficient funds.");
    const invalid = await payCheckout(String(session.url), { number: "1234 5678 9012 3456" });
    expect(await invalid.text()).toContain("Your card number is invalid.");
    const after = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: "open", customer: null, subscription: null });
    expect((await h.stripe.customers.list({ email: "decline@example.com" })).data).toEqual([]);
  });

  it("takes a one-time payment: succeeded payment intent with its metadata", async () => {
    const { price } = await createPlan(h.stripe, { name: "Masterclass", amount: 4900, interval: null });
    const customer = await h.stripe.customers.create({ email: "buyer@example.com" });
    const session = await h.stripe.checkout.sessions.create({
      mode: "payment",
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 2 }],
      payment_intent_data: { metadata: { courseId: "c1" } },
      success_url: "https://app.example/thanks",
    });
    const page = await (await fetch(String(session.url))).text();
    expect(page).toMatch(/>Pay \$98\.00</);
    expect((await payCheckout(String(session.url))).status).toBe(303);
    const paid = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(paid).toMatchObject({
      status: "complete",
      payment_status: "paid",
      customer: customer.id,
      amount_total: 9800,
    });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({
      object: "payment_intent",
      status: "succeeded",
      amount: 9800,
      metadata: { courseId: "c1" },
    });
    expect((await h.stripe.paymentIntents.retrieve(intent.id)).customer).toBe(customer.id);
  });

  it("accepts inline price_data, archiving the price it makes", async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price_data: { currency: "usd", unit_amount: 700, product_data: { name: "Notes" } }, quantity: 1 }],
    });
    const [line] = (await h.stripe.checkout.sessions.listLineItems(session.id)).data;
    expect(line).toMatchObject({ description: "Notes", amount_total: 700, price: { active: false, unit_amount: 700 } });
  });

  it("starts a trial without payment or invoice", async () => {
    const { session, subscriptionId } = await subscribe(h, { trialDays: 14 });
    expect(session).toMatchObject({ payment_status: "no_payment_required", amount_total: 0 });
    const subscription = await h.stripe.subscriptions.retrieve(subscriptionId);
    expect(subscription).toMatchObject({ status: "trialing", latest_invoice: null });
    expect((subscription.trial_end ?? 0) - (subscription.trial_start ?? 0)).toBe(14 * 86_400);
    expect(subscription.items.data[0]?.current_period_end).toBe(subscription.trial_end);
  });

  it("expires open sessions on request and at expires_at", async () => {
    const { price } = await createPlan(h.stripe);
    const create = () =>
      h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id, quantity: 1 }] });
    const first = await create();
    expect(await h.stripe.checkout.sessions.expire(first.id)).toMatchObject({ status: "expired", url: null });
    const twice = await h.stripe.checkout.sessions.expire(first.id).catch((e: unknown) => e);
    expect(twice).toMatchObject({ statusCode: 400 });
    const page = await fetch(String(first.url));
    expect(await page.text()).toContain("expired");
    const second = await create();
    await h.emulator.clock.advance(86_400);
    expect((await h.stripe.checkout.sessions.retrieve(second.id)).status).toBe("expired");
  });
});
