import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlan, type StripeHarness, startStripe } from "./stripe-harness.ts";

let h: StripeHarness;

beforeAll(async () => {
  h = await startStripe();
});
afterAll(() => h.close());

describe("account", () => {
  it("answers retrieveCurrent() and retrieve(null) (both GET /v1/account) as the test connection", async () => {
    const account = await h.stripe.accounts.retrieveCurrent();
    expect((await h.stripe.accounts.retrieve(null)).id).toBe(account.id);
    expect(account).toMatchObject({
      id: h.account.accountId,
      object: "account",
      charges_enabled: true,
      business_profile: { name: "Marquee Academy" },
      settings: { dashboard: { display_name: "Marquee Academy" } },
    });
    expect(account.id).toMatch(/^acct_/);
    expect((await h.stripe.accounts.retrieve(h.account.accountId)).id).toBe(h.account.accountId);
  });

  it("rejects an unknown key with StripeAuthenticationError", async () => {
    const error = await h
      .sdk("sk_test_nope_1234")
      .products.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401, type: "StripeAuthenticationError" });
    expect((error as Error).message).toBe("Invalid API Key provided: sk_test_****1234");
  });

  it("answers 404 for another account id and for URLs it does not emulate", async () => {
    const other = await h.stripe.accounts.retrieve("acct_other").catch((e: unknown) => e);
    expect(other).toMatchObject({ statusCode: 404, code: "resource_missing" });
    const response = await fetch(`${h.url}/v1/charges`, {
      headers: { authorization: `Bearer ${h.account.secretKey}` },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
  });

  it("creates accounts idempotently by secret key and account id", async () => {
    const first = await h.emulator.createAccount({ secretKey: "sk_test_fixed_key" });
    expect(await h.emulator.createAccount({ secretKey: "sk_test_fixed_key" })).toEqual(first);
    expect((await h.emulator.createAccount({ accountId: first.accountId })).accountId).toBe(first.accountId);
    expect(h.account.secretKey).toMatch(/^sk_test_emu_[A-Za-z0-9]{24}$/);
  });
});

describe("products and prices", () => {
  it("creates, retrieves, updates and lists products with metadata merge", async () => {
    const product = await h.stripe.products.create({
      name: "Course",
      description: "Video",
      metadata: { a: "1", b: "2" },
    });
    expect(product).toMatchObject({ object: "product", active: true, livemode: false, name: "Course" });
    expect(product.id).toMatch(/^prod_/);
    expect(product.created).toBeCloseTo(Date.now() / 1000, -1);
    const updated = await h.stripe.products.update(product.id, { name: "Course 2", metadata: { b: "", c: "3" } });
    expect(updated.metadata).toEqual({ a: "1", c: "3" });
    expect(updated.name).toBe("Course 2");
    await h.stripe.products.update(product.id, { active: false });
    const inactive = await h.stripe.products.list({ active: false });
    expect(inactive.data.map((p) => p.id)).toContain(product.id);
    expect((await h.stripe.products.list({ active: true })).data.map((p) => p.id)).not.toContain(product.id);
    expect(await h.stripe.products.retrieve(product.id)).toMatchObject({ active: false, name: "Course 2" });
  });

  it("creates prices from a product or product_data, filters lists, and keeps them immutable", async () => {
    const { product, price } = await createPlan(h.stripe, { name: "Monthly", amount: 1500 });
    expect(price).toMatchObject({
      object: "price",
      product: product.id,
      unit_amount: 1500,
      currency: "usd",
      type: "recurring",
      recurring: { interval: "month", interval_count: 1 },
      active: true,
    });
    const oneTime = await h.stripe.prices.create({
      product_data: { name: "Workshop" },
      unit_amount: 5000,
      currency: "EUR",
    });
    expect(oneTime).toMatchObject({ type: "one_time", recurring: null, currency: "eur" });
    const listed = await h.stripe.prices.list({ product: product.id });
    expect(listed.data.map((p) => p.id)).toEqual([price.id]);
    expect((await h.stripe.prices.list({ type: "one_time" })).data.map((p) => p.id)).toContain(oneTime.id);
    const archived = await h.stripe.prices.update(price.id, { active: false, metadata: { tier: "pro" } });
    expect(archived).toMatchObject({ active: false, metadata: { tier: "pro" } });
    const error = await h.stripe.prices
      .update(price.id, { unit_amount: 10 } as Stripe.PriceUpdateParams)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "unit_amount" });
    const expanded = await h.stripe.prices.retrieve(price.id, { expand: ["product"] });
    expect((expanded.product as Stripe.Product).name).toBe("Monthly");
  });

  it("answers Stripe's error shapes for missing, empty and unknown things", async () => {
    const missing = await h.stripe.products.create({} as Stripe.ProductCreateParams).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      statusCode: 400,
      code: "parameter_missing",
      param: "name",
      type: "StripeInvalidRequestError",
    });
    const empty = await h.stripe.products.create({ name: "" }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ statusCode: 400, code: "parameter_invalid_empty", param: "name" });
    const notFound = await h.stripe.prices.retrieve("price_nope").catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(notFound).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      message: "No such price: 'price_nope'",
    });
    const badProduct = await h.stripe.prices
      .create({ product: "prod_nope", unit_amount: 1, currency: "usd" })
      .catch((e: unknown) => e);
    expect(badProduct).toMatchObject({ statusCode: 400, code: "resource_missing", param: "product" });
  });

  it("isolates accounts: another key cannot see this account's price", async () => {
    const { price } = await createPlan(h.stripe);
    const other = await h.emulator.createAccount();
    const error = await h
      .sdk(other.secretKey)
      .prices.retrieve(price.id)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
    expect((await h.sdk(other.secretKey).prices.list()).data).toEqual([]);
  });
});

describe("lists", () => {
  it("paginates newest first with limit, starting_after, ending_before and autoPagingEach", async () => {
    const other = await h.emulator.createAccount();
    const stripe = h.sdk(other.secretKey);
    const created: string[] = [];
    for (let i = 0; i < 25; i++) created.push((await stripe.customers.create({ email: `c${i}@example.com` })).id);
    const newestFirst = [...created].reverse();
    const first = await stripe.customers.list({ limit: 10 });
    expect(first).toMatchObject({ object: "list", has_more: true, url: "/v1/customers" });
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 10));
    const second = await stripe.customers.list({ limit: 10, starting_after: first.data[9]?.id });
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(10, 20));
    const back = await stripe.customers.list({ limit: 5, ending_before: second.data[0]?.id });
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(5, 10));
    expect(back.has_more).toBe(true);
    expect((await stripe.customers.list()).data).toHaveLength(10);
    const all: string[] = [];
    await stripe.customers.list({ limit: 7 }).autoPagingEach((customer) => {
      all.push(customer.id);
    });
    expect(all).toEqual(newestFirst);
    const limitError = await stripe.customers.list({ limit: 101 }).catch((e: unknown) => e);
    expect(limitError).toMatchObject({ statusCode: 400, param: "limit" });
  });
});

describe("customers", () => {
  it("creates, updates, filters by email and deletes", async () => {
    const customer = await h.stripe.customers.create({
      email: "ada@example.com",
      name: "Ada",
      metadata: { userId: "u1" },
    });
    expect(customer.id).toMatch(/^cus_/);
    const updated = await h.stripe.customers.update(customer.id, { name: "Ada L.", metadata: { plan: "pro" } });
    expect(updated).toMatchObject({
      name: "Ada L.",
      email: "ada@example.com",
      metadata: { userId: "u1", plan: "pro" },
    });
    const byEmail = await h.stripe.customers.list({ email: "ada@example.com" });
    expect(byEmail.data.map((c) => c.id)).toEqual([customer.id]);
    const deleted = await h.stripe.customers.del(customer.id);
    expect(deleted).toEqual({ id: customer.id, object: "customer", deleted: true });
    expect(await h.stripe.customers.retrieve(customer.id)).toMatchObject({ id: customer.id, deleted: true });
    expect((await h.stripe.customers.list({ email: "ada@example.com" })).data).toEqual([]);
  });
});

describe("idempotency", () => {
  it("replays the stored response for the same key and rejects other parameters", async () => {
    const first = await h.stripe.customers.create({ email: "same@example.com" }, { idempotencyKey: "signup-1" });
    const again = await h.stripe.customers.create({ email: "same@example.com" }, { idempotencyKey: "signup-1" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await h.stripe.customers.list({ email: "same@example.com" })).data).toHaveLength(1);
    const conflict = await h.stripe.customers
      .create({ email: "other@example.com" }, { idempotencyKey: "signup-1" })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    const other = await h.emulator.createAccount();
    const elsewhere = await h
      .sdk(other.secretKey)
      .customers.create({ email: "same@example.com" }, { idempotencyKey: "signup-1" });
    expect(elsewhere.id).not.toBe(first.id);
  });
});
