import { signPayload, stripeClient } from "@marquee/billing";
import {
  cloudflareConnections,
  stripeConnections,
  subscriptions,
  tiers,
  tokenLedger,
  videos,
  webhookEvents,
} from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reconcileSubscriptionsJob } from "../src/jobs";
import { balanceOf } from "../src/services/billing/wallet";
import { handleStripeWebhook } from "../src/services/billing/webhook";
import { adminCaller, createMember, paidTenant, portalCaller, testDb, testSecrets, waitFor } from "../src/testing";

type Paid = Awaited<ReturnType<typeof paidTenant>>;

/** Pays on the emulator's hosted checkout page, as the member's browser would. */
async function pay(t: Paid, checkoutUrl: string, card = "4242 4242 4242 4242") {
  const url = new URL(checkoutUrl);
  const page = await t.emulator.app.request(url.pathname);
  expect(page.status).toBe(200);
  const response = await t.emulator.app.request(url.pathname, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "member@example.com", number: card, expiry: "12 / 34", cvc: "123" }).toString(),
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

async function premiumTier(t: Paid) {
  const { tier, stripe } = await t.admin.tiers.create({
    name: "Premium",
    description: "All of it",
    benefits: ["Everything"],
    rank: 2,
    monthlyPriceCents: 1900,
    yearlyPriceCents: 19_000,
  });
  expect(stripe).toEqual({ state: "synced" });
  return tier;
}

async function tierVideo(t: Paid, tierId: string) {
  const db = await testDb();
  const [connection] = await db
    .insert(cloudflareConnections)
    .values({ source: "tenant", tenantId: t.tenant.id, accountId: "c".repeat(32), customerCode: "cccc" })
    .returning();
  const [video] = await db
    .insert(videos)
    .values({
      tenantId: t.tenant.id,
      connectionId: connection?.id ?? "",
      cloudflareUid: crypto.randomUUID().replaceAll("-", ""),
      title: "Premium lesson",
      status: "ready",
      accessLevel: "tier",
      requiredTierId: tierId,
      requireSignedUrls: false,
    })
    .returning();
  if (!video) throw new Error("video not created");
  return video;
}

async function subscriptionRow(t: Paid) {
  const db = await testDb();
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, t.tenant.id), eq(subscriptions.userId, t.member.id)));
  return rows[0];
}

async function subscribe(t: Paid, tierId: string) {
  const { url } = await t.portal.billing.subscribe({ tierId, interval: "month" });
  const paid = await pay(t, url);
  expect(paid.status).toBe(303);
  expect(paid.location).toMatch(/\/billing\/return\?session_id=cs_/);
  const sessionId = new URL(paid.location ?? "").searchParams.get("session_id") ?? "";
  await t.emulator.webhooks.settled();
  return sessionId;
}

describe("Settings → Payments", () => {
  it("verifies and seals the key, registers the webhook endpoint and shows only masked values", async () => {
    const t = await paidTenant();
    const settings = await t.admin.settings.payments.get();
    expect(settings.inUse).toBe("tenant");
    expect(settings.own).toMatchObject({
      secretKeyHint: `••••${t.account.secretKey.slice(-4)}`,
      webhookManaged: true,
      webhookConfigured: true,
    });
    expect(JSON.stringify(settings)).not.toContain(t.account.secretKey);
    const [row] = await (await testDb())
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.tenantId, t.tenant.id));
    expect(JSON.stringify(row)).not.toContain(t.account.secretKey);
    expect(testSecrets.open(row?.secretKeySealed ?? "")).toBe(t.account.secretKey);
    expect(await t.admin.settings.payments.test()).toMatchObject({ ok: true, account: "tenant" });
  });

  it("refuses a key Stripe rejects, with a message on the key field, and keeps nothing", async () => {
    const t = await paidTenant();
    await expect(t.admin.settings.payments.save({ secretKey: "sk_test_not_a_real_key_000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("secret key"),
    });
    const settings = await t.admin.settings.payments.get();
    expect(settings.own).toBeNull();
    expect(settings.inUse).toBe("none");
  });
});

describe("tiers and packs on Stripe", () => {
  it("creates a product with monthly and yearly prices, and a new price when the amount changes", async () => {
    const t = await paidTenant();
    const tier = await premiumTier(t);
    const db = await testDb();
    const [row] = await db.select().from(tiers).where(eq(tiers.id, tier.id));
    expect(row?.stripeProductId).toMatch(/^prod_/);
    const stripe = stripeClient(t.account.secretKey, t.deps.billing.stripe);
    const monthly = await stripe.prices.retrieve(row?.stripeMonthlyPriceId ?? "");
    expect(monthly).toMatchObject({
      unit_amount: 1900,
      currency: "usd",
      active: true,
      recurring: { interval: "month" },
    });

    await t.admin.tiers.update({ ...tier, monthlyPriceCents: 2100 });
    const [after] = await db.select().from(tiers).where(eq(tiers.id, tier.id));
    expect(after?.stripeMonthlyPriceId).not.toBe(row?.stripeMonthlyPriceId);
    expect(after?.stripeYearlyPriceId).toBe(row?.stripeYearlyPriceId);
    expect((await stripe.prices.retrieve(row?.stripeMonthlyPriceId ?? "")).active).toBe(false);
    expect((await stripe.prices.retrieve(after?.stripeMonthlyPriceId ?? "")).unit_amount).toBe(2100);
  });

  it("refuses a second active tier with the same rank", async () => {
    const t = await paidTenant();
    await premiumTier(t);
    await expect(
      t.admin.tiers.create({ name: "Gold", rank: 2, monthlyPriceCents: 900, yearlyPriceCents: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("subscribing through Checkout", () => {
  it("opens tier videos once the webhook arrives, and closes them after a cancellation reaches the period end", async () => {
    const t = await paidTenant();
    const tier = await premiumTier(t);
    const video = await tierVideo(t, tier.id);
    const before = await t.portal.playback.get({ videoId: video.id });
    expect(before.allowed).toBe(false);

    const sessionId = await subscribe(t, tier.id);
    const status = await t.portal.billing.checkoutStatus({ sessionId });
    expect(status).toEqual({ state: "complete", kind: "subscription", tier: { id: tier.id, name: "Premium" } });
    expect((await t.portal.playback.get({ videoId: video.id })).allowed).toBe(true);
    const overview = await t.portal.billing.overview();
    expect(overview.subscription).toMatchObject({
      status: "active",
      live: true,
      interval: "month",
      tier: { name: "Premium" },
    });

    // A second checkout while subscribed is refused: plan changes go through the portal.
    await expect(t.portal.billing.subscribe({ tierId: tier.id, interval: "year" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    // What the subscription costs is kept, for the analytics' MRR.
    expect(await subscriptionRow(t)).toMatchObject({ amountCents: 1900, currency: "usd", interval: "month" });

    const cancelled = await t.portal.billing.cancel();
    expect(cancelled).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect((await t.portal.playback.get({ videoId: video.id })).allowed).toBe(true);

    await t.emulator.clock.advance(32 * 86_400);
    await t.emulator.webhooks.settled();
    expect(await subscriptionRow(t)).toMatchObject({ status: "canceled" });
    const after = await t.portal.playback.get({ videoId: video.id });
    expect(after).toMatchObject({ allowed: false, unlock: { kind: "subscribe", tier: { name: "Premium" } } });
  });

  it("keeps access while past due within the tenant's grace period, and not after", async () => {
    const t = await paidTenant();
    const tier = await premiumTier(t);
    const video = await tierVideo(t, tier.id);
    await subscribe(t, tier.id);
    const row = await subscriptionRow(t);
    t.emulator.subscriptions.failNextRenewal(row?.stripeSubscriptionId ?? "");
    await t.emulator.clock.advance(31 * 86_400);
    await t.emulator.webhooks.settled();
    expect(await subscriptionRow(t)).toMatchObject({ status: "past_due" });
    expect((await t.portal.playback.get({ videoId: video.id })).allowed).toBe(true);
    expect((await t.portal.billing.overview()).subscription?.graceEndsAt).toBeInstanceOf(Date);

    await t.admin.settings.payments.updatePolicy({ currency: "usd", pastDueGraceDays: 0 });
    expect((await t.portal.playback.get({ videoId: video.id })).allowed).toBe(false);
  });

  it("converges to Stripe's state when events arrive out of order", async () => {
    const t = await paidTenant();
    const tier = await premiumTier(t);
    t.emulator.webhooks.pause();
    const { url } = await t.portal.billing.subscribe({ tierId: tier.id, interval: "month" });
    await pay(t, url);
    const created = t.emulator.webhooks
      .deliveries(t.account.accountId)
      .find((d) => d.eventType === "customer.subscription.created");
    expect(created).toBeDefined();
    const subscriptionId = (JSON.parse(created?.body ?? "{}") as { data: { object: { id: string } } }).data.object.id;
    // An update Stripe makes later (cancel at period end), then the end itself.
    const portal = await t.portal.billing.portal();
    expect(portal.url).toContain("/p/session/");
    const client = stripeClient(t.account.secretKey, t.deps.billing.stripe);
    await client.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await client.subscriptions.cancel(subscriptionId);
    const byType = (type: string) =>
      t.emulator.webhooks.deliveries(t.account.accountId).filter((d) => d.eventType === type);
    const updated = byType("customer.subscription.updated");
    const deleted = byType("customer.subscription.deleted");
    expect(updated.length).toBeGreaterThan(0);
    expect(deleted).toHaveLength(1);

    // updated before created, then deleted before the old updated and created.
    t.emulator.webhooks.resume();
    await t.emulator.webhooks.settled();
    const db = await testDb();
    await db.delete(subscriptions).where(eq(subscriptions.tenantId, t.tenant.id));
    await db.delete(webhookEvents).where(eq(webhookEvents.tenantId, t.tenant.id));
    for (const delivery of [...updated, deleted[0], created]) {
      if (delivery) t.emulator.webhooks.redeliver(delivery.id);
      await t.emulator.webhooks.settled();
    }
    expect(await subscriptionRow(t)).toMatchObject({ stripeSubscriptionId: subscriptionId, status: "canceled" });
  });
});

describe("reconcile-subscriptions job", () => {
  it("re-reads a subscription whose end was never reported and closes access", async () => {
    const t = await paidTenant();
    const tier = await premiumTier(t);
    const video = await tierVideo(t, tier.id);
    await subscribe(t, tier.id);
    await t.portal.billing.cancel();
    // The end happens at Stripe, but its webhook is lost.
    t.emulator.webhooks.pause();
    try {
      await t.emulator.clock.advance(32 * 86_400);
      expect(await subscriptionRow(t)).toMatchObject({ status: "active", cancelAtPeriodEnd: true });

      // The emulator's clock is shared by this file's tests: run the job a day after its now.
      const later = () => new Date(t.emulator.clock.now().getTime() + 86_400_000);
      const counts = await reconcileSubscriptionsJob.run({ ...t.deps, now: later }, later());
      expect(counts.updated).toBeGreaterThan(0);
      expect(counts.failed).toBe(0);
      expect(await subscriptionRow(t)).toMatchObject({ status: "canceled" });
      expect((await t.portal.playback.get({ videoId: video.id })).allowed).toBe(false);
    } finally {
      t.emulator.webhooks.resume();
      await t.emulator.webhooks.settled();
    }
  });
});

describe("token packs", () => {
  it("credits a paid pack once, however many times the webhook arrives, even in parallel", async () => {
    const t = await paidTenant();
    const { pack } = await t.admin.packs.create({ name: "Class pass", tokens: 12, priceCents: 5000 });
    const { url } = await t.portal.wallet.buy({ packId: pack.id });
    const paid = await pay(t, url);
    expect(paid.location).toMatch(/\/account\/tokens\?session_id=cs_/);
    await t.emulator.webhooks.settled();
    const owner = { tenantId: t.tenant.id, userId: t.member.id };
    expect(await balanceOf(t.deps.db, owner)).toBe(12);

    const completed = t.emulator.webhooks
      .deliveries(t.account.accountId)
      .filter((d) => d.eventType === "checkout.session.completed");
    expect(completed).toHaveLength(1);
    // Forget that it was processed, then deliver it five times at once.
    await t.deps.db.delete(webhookEvents).where(eq(webhookEvents.tenantId, t.tenant.id));
    for (let i = 0; i < 5; i++) t.emulator.webhooks.redeliver(completed[0]?.id ?? "");
    await t.emulator.webhooks.settled();
    expect(await balanceOf(t.deps.db, owner)).toBe(12);
    const history = await t.portal.wallet.history();
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]).toMatchObject({ delta: 12, reason: "purchase", note: "Class pass", balanceAfter: 12 });
    // What the member paid is on the ledger row, for the analytics' token sales.
    const [purchase] = await t.deps.db.select().from(tokenLedger).where(eq(tokenLedger.tenantId, t.tenant.id));
    expect(purchase).toMatchObject({ amountCents: 5000, currency: "usd" });
    const sessionId = new URL(paid.location ?? "", "http://x").searchParams.get("session_id") ?? "";
    expect(await t.portal.billing.checkoutStatus({ sessionId })).toEqual({
      state: "complete",
      kind: "pack",
      tokens: 12,
      balance: 12,
    });
  });

  it("leaves the member where they were when the card is declined", async () => {
    const t = await paidTenant();
    const tier = await premiumTier(t);
    const { url } = await t.portal.billing.subscribe({ tierId: tier.id, interval: "month" });
    const declined = await pay(t, url, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    expect(declined.html).toContain("Your card was declined.");
    await t.emulator.webhooks.settled();
    expect(await subscriptionRow(t)).toBeUndefined();
    expect((await t.portal.billing.overview()).subscription).toBeNull();
  });
});

describe("tenant isolation of payments", () => {
  it("does not let one tenant's webhook secret or metadata credit another tenant's member", async () => {
    const a = await paidTenant();
    const b = await paidTenant();
    const { pack } = await b.admin.packs.create({ name: "B pack", tokens: 5, priceCents: 500 });
    // B's member buys in B; the event for B is re-sent to A's endpoint, signed with B's secret.
    const { url } = await b.portal.wallet.buy({ packId: pack.id });
    b.emulator.webhooks.pause();
    await pay(b, url);
    const delivery = b.emulator.webhooks
      .deliveries(b.account.accountId)
      .find((d) => d.eventType === "checkout.session.completed");
    b.emulator.webhooks.resume();
    await b.emulator.webhooks.settled();
    expect(delivery).toBeDefined();
    const [bRow] = await (await testDb())
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.tenantId, b.tenant.id));
    const body = delivery?.body ?? "";
    const signedByB = signPayload(
      body,
      testSecrets.open(bRow?.webhookSecretSealed ?? ""),
      Math.floor(Date.now() / 1000),
    );
    const outcome = await handleStripeWebhook(a.deps, {
      route: a.tenant.id,
      signatureHeader: signedByB,
      rawBody: body,
    });
    expect(outcome.status).toBe(401);
    expect(await balanceOf(a.deps.db, { tenantId: a.tenant.id, userId: b.member.id })).toBe(0);
    expect(await balanceOf(a.deps.db, { tenantId: a.tenant.id, userId: a.member.id })).toBe(0);
  });

  it("rejects tampered and stale signatures", async () => {
    const t = await paidTenant();
    const [row] = await (await testDb())
      .select()
      .from(stripeConnections)
      .where(eq(stripeConnections.tenantId, t.tenant.id));
    const secret = testSecrets.open(row?.webhookSecretSealed ?? "");
    const body = JSON.stringify({ id: "evt_test_1", object: "event", type: "invoice.paid", data: { object: {} } });
    const now = Math.floor(Date.now() / 1000);
    const good = await handleStripeWebhook(t.deps, {
      route: t.tenant.id,
      signatureHeader: signPayload(body, secret, now),
      rawBody: body,
    });
    expect(good.status).toBe(200);
    const tampered = await handleStripeWebhook(t.deps, {
      route: t.tenant.id,
      signatureHeader: signPayload(body, secret, now),
      rawBody: body.replace("invoice.paid", "invoice.payment_failed"),
    });
    expect(tampered).toMatchObject({ status: 401, reason: "signature mismatch" });
    const stale = await handleStripeWebhook(t.deps, {
      route: t.tenant.id,
      signatureHeader: signPayload(body, secret, now - 600),
      rawBody: body,
    });
    expect(stale).toMatchObject({ status: 401, reason: "signature too old" });
    const missing = await handleStripeWebhook(t.deps, { route: t.tenant.id, signatureHeader: null, rawBody: body });
    expect(missing.status).toBe(401);
  });

  it("an admin of one tenant sees no other tenant's subscriptions or balances", async () => {
    const a = await paidTenant();
    const b = await paidTenant();
    const tier = await premiumTier(b);
    await subscribe(b, tier.id);
    await b.admin.members.adjustTokens({ membershipId: b.membership.id, delta: 9, note: "gift" });
    const listed = await a.admin.members.list();
    expect(listed.map((m) => m.userId)).not.toContain(b.member.id);
    const { caller } = await adminCaller({ userId: a.owner.id, tenantSlug: b.tenant.slug });
    await expect(caller.members.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await createMember("member", a.tenant.id);
    const { caller: portal } = await portalCaller({ userId: outsider.user.id, tenantSlug: b.tenant.slug });
    await expect(portal.wallet.balance()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await waitFor(async () => (await b.admin.members.list()).find((m) => m.userId === b.member.id)?.tokenBalance),
    ).toBe(9);
  });
});
