import { signPayload, stripeClient } from "@marquee/billing";
import { subscriptions, tiers } from "@marquee/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { balanceOf } from "../src/services/billing/wallet";
import { handleStripeWebhook } from "../src/services/billing/webhook";
import {
  adminCaller,
  createMember,
  getTestStripe,
  paidTenant,
  portalCaller,
  testBillingEnvironment,
  testDb,
  testSecrets,
} from "../src/testing";

async function pay(emulator: Awaited<ReturnType<typeof getTestStripe>>["emulator"], checkoutUrl: string) {
  const { pathname } = new URL(checkoutUrl);
  return emulator.app.request(pathname, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "m@example.com", number: "4242424242424242", expiry: "12 / 34", cvc: "123" }),
  });
}

describe("archiving", () => {
  it("takes a tier off sale while its subscribers keep access until their period ends", async () => {
    const t = await paidTenant();
    const { tier } = await t.admin.tiers.create({
      name: "Gold",
      rank: 1,
      monthlyPriceCents: 900,
      yearlyPriceCents: null,
    });
    const { url } = await t.portal.billing.subscribe({ tierId: tier.id, interval: "month" });
    await pay(t.emulator, url);
    await t.emulator.webhooks.settled();

    const result = await t.admin.tiers.archive({ id: tier.id });
    expect(result).toMatchObject({ cancelled: 1, failed: 0 });
    await t.emulator.webhooks.settled();
    const db = await testDb();
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.tierId, tier.id));
    expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect((await t.portal.billing.overview()).subscription).toMatchObject({ live: true, tier: { archived: true } });
    expect((await t.portal.billing.offers()).tiers.map((x) => x.id)).not.toContain(tier.id);
    await expect(t.portal.billing.subscribe({ tierId: tier.id, interval: "month" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [stored] = await db.select().from(tiers).where(eq(tiers.id, tier.id));
    const stripe = stripeClient(t.account.secretKey, t.deps.billing.stripe);
    expect((await stripe.prices.retrieve(stored?.stripeMonthlyPriceId ?? "")).active).toBe(false);
    // The archived tier's rank is free again.
    await t.admin.tiers.create({ name: "New gold", rank: 1, monthlyPriceCents: 1000, yearlyPriceCents: null });
    const all = await t.admin.tiers.listAll();
    expect(all.map((x) => [x.name, x.archivedAt === null, x.subscriberCount])).toEqual([
      ["New gold", true, 0],
      ["Gold", false, 1],
    ]);
  });

  it("takes a pack off sale", async () => {
    const t = await paidTenant();
    const { pack } = await t.admin.packs.create({ name: "Five", tokens: 5, priceCents: 2500 });
    await t.admin.packs.archive({ id: pack.id });
    expect((await t.portal.billing.offers()).packs).toEqual([]);
    await expect(t.portal.wallet.buy({ packId: pack.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("connecting Stripe", () => {
  it("puts the tiers and packs created before it on sale", async () => {
    const { user: owner, tenantId } = await createMember("owner");
    const db = await testDb();
    const tenant = await db.query.tenants.findFirst({ where: (x, { eq: is }) => is(x.id, tenantId) });
    const { caller: admin } = await adminCaller({ userId: owner.id, tenantSlug: tenant?.slug });
    const created = await admin.tiers.create({
      name: "Early",
      rank: 1,
      monthlyPriceCents: 500,
      yearlyPriceCents: null,
    });
    expect(created.stripe).toEqual({ state: "not_configured" });
    expect(created.tier.onStripe).toBe(false);
    await admin.packs.create({ name: "Early pack", tokens: 2, priceCents: 1000 });

    const { emulator } = await getTestStripe();
    const account = await emulator.createAccount();
    await admin.settings.payments.save({ secretKey: account.secretKey });
    expect((await admin.tiers.listAll()).map((x) => x.onStripe)).toEqual([true]);
    expect((await admin.packs.list()).map((x) => x.onStripe)).toEqual([true]);
  });
});

describe("the platform's default Stripe account", () => {
  it("bills tenants without their own keys and routes its webhooks by tenant", async () => {
    const { emulator } = await getTestStripe();
    const platform = await emulator.createAccount({ displayName: "Marquee platform" });
    const endpoint = await stripeClient(
      platform.secretKey,
      testBillingEnvironment(emulator).stripe,
    ).webhookEndpoints.create({
      url: "http://marquee.test/api/webhooks/stripe/platform",
      enabled_events: ["*"],
    });
    const billing = testBillingEnvironment(emulator, {
      secretKey: platform.secretKey,
      webhookSecret: endpoint.secret ?? "",
    });
    const { user: owner, tenantId } = await createMember("owner");
    const db = await testDb();
    const tenant = await db.query.tenants.findFirst({ where: (x, { eq: is }) => is(x.id, tenantId) });
    const { caller: admin } = await adminCaller({ userId: owner.id, tenantSlug: tenant?.slug, billing });
    expect(await admin.settings.payments.get()).toMatchObject({ inUse: "platform", own: null });
    const { pack } = await admin.packs.create({ name: "Platform pack", tokens: 3, priceCents: 900 });
    const { user: member } = await createMember("member", tenantId);
    const { caller: portal } = await portalCaller({ userId: member.id, tenantSlug: tenant?.slug, billing });
    const { url } = await portal.wallet.buy({ packId: pack.id });

    emulator.webhooks.pause();
    await pay(emulator, url);
    const delivery = emulator.webhooks
      .deliveries(platform.accountId)
      .find((d) => d.eventType === "checkout.session.completed");
    emulator.webhooks.resume();
    await emulator.webhooks.settled();
    expect(delivery).toBeDefined();

    // The test emulator delivers to its own receiver; hand the platform event to ours.
    const deps = { db, secrets: testSecrets, billing, now: () => new Date() };
    const body = delivery?.body ?? "";
    const header = signPayload(body, endpoint.secret ?? "", Math.floor(Date.now() / 1000));
    expect(await handleStripeWebhook(deps, { route: "platform", signatureHeader: header, rawBody: body })).toEqual({
      status: 200,
      result: "processed",
    });
    expect(await balanceOf(db, { tenantId, userId: member.id })).toBe(3);

    // A tenant with its own account takes nothing from the platform's endpoint.
    const own = await paidTenant();
    const forged = body.replaceAll(tenantId, own.tenant.id);
    const forgedHeader = signPayload(forged, endpoint.secret ?? "", Math.floor(Date.now() / 1000));
    expect(
      await handleStripeWebhook(deps, { route: "platform", signatureHeader: forgedHeader, rawBody: forged }),
    ).toEqual({ status: 200, result: "ignored" });
    expect(await balanceOf(db, { tenantId: own.tenant.id, userId: member.id })).toBe(0);
  });
});
