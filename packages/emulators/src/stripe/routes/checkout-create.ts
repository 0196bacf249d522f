import { createPrice } from "../billing/catalog.ts";
import type { Emulator } from "../context.ts";
import { badRequest, invalidParam, missingParam } from "../errors.ts";
import { newId } from "../ids.ts";
import type { Params } from "../params.ts";
import type { CheckoutSession, Price } from "../types.ts";
import { type ApiContext, fromRequest, lookup } from "./shared.ts";

const known = [
  "mode",
  "line_items",
  "customer",
  "customer_email",
  "client_reference_id",
  "metadata",
  "subscription_data",
  "payment_intent_data",
  "success_url",
  "cancel_url",
  "expires_at",
];
// Accepted so real integrations run, but with no effect on the emulated page.
const ignored = [
  "allow_promotion_codes",
  "automatic_tax",
  "billing_address_collection",
  "consent_collection",
  "customer_creation",
  "customer_update",
  "locale",
  "payment_method_collection",
  "payment_method_types",
  "phone_number_collection",
  "submit_type",
  "tax_id_collection",
  "ui_mode",
];

function url(params: Params, key: string): string | null {
  const value = params.nullable(key, { max: 5000 });
  if (!value) return null;
  if (!URL.canParse(value.replaceAll("{CHECKOUT_SESSION_ID}", "x")))
    throw invalidParam(key, "Not a valid URL", "url_invalid");
  return value;
}

function linePrice(emu: Emulator, c: ApiContext, line: Params): Price {
  const priceData = line.object("price_data");
  if (priceData) {
    priceData.allow("product", "product_data", "unit_amount", "currency", "recurring", "tax_behavior");
    return createPrice(emu, c.get("account").id, priceData, fromRequest(c), true);
  }
  const id = line.required("price");
  const price = lookup(emu, c, "prices", "price", id, line.name("price"));
  if (!price.active)
    throw invalidParam(line.name("price"), "The price specified is inactive. This field only accepts active prices.");
  return price;
}

function checkMode(mode: CheckoutSession["mode"], prices: Price[]) {
  const recurring = prices.filter((price) => price.recurring);
  if (mode === "payment" && recurring.length > 0) {
    throw invalidParam(
      "line_items",
      "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
    );
  }
  if (mode === "subscription" && recurring.length === 0) {
    throw invalidParam(
      "line_items",
      "You must provide at least one recurring price in `subscription` mode when using prices.",
    );
  }
  if (mode === "subscription" && recurring.length < prices.length) {
    throw invalidParam("line_items", "The Stripe emulator supports only recurring prices in `subscription` mode.");
  }
  if (new Set(prices.map((price) => price.currency)).size > 1) {
    throw invalidParam("line_items", "All prices on a Checkout Session must have the same currency.");
  }
}

/** Validates `POST /v1/checkout/sessions` as Stripe does for the parameters Marquee uses, and stores the session. */
export function createCheckoutSession(emu: Emulator, c: ApiContext): CheckoutSession {
  const params = c.get("params").allow(...known, ...ignored);
  const accountId = c.get("account").id;
  const mode = params.oneOf("mode", ["payment", "subscription", "setup"]);
  if (!mode) throw missingParam("mode");
  if (mode === "setup") throw invalidParam("mode", "The Stripe emulator does not support `setup` mode.");
  const lines = params.list("line_items");
  if (!lines?.length) throw missingParam("line_items");
  const items = lines.map((line) => {
    line.allow("price", "price_data", "quantity", "adjustable_quantity");
    const quantity = line.int("quantity", 1, 999_999);
    if (quantity === undefined) throw missingParam(line.name("quantity"));
    return { id: newId("li"), price: linePrice(emu, c, line), quantity };
  });
  checkMode(
    mode,
    items.map((item) => item.price),
  );
  const customerId = params.string("customer");
  const customerEmail = params.nullable("customer_email", { max: 800 }) ?? null;
  if (customerId && customerEmail)
    throw badRequest("You may only specify one of these parameters: customer, customer_email.");
  if (customerId) {
    const customer = lookup(emu, c, "customers", "customer", customerId, "customer");
    if (customer.deleted) throw invalidParam("customer", `No such customer: '${customerId}'`, "resource_missing");
  }
  const subscriptionData = params.object("subscription_data")?.allow("metadata", "trial_period_days", "description");
  const paymentIntentData = params.object("payment_intent_data")?.allow("metadata", "description", "receipt_email");
  if (mode === "payment" && subscriptionData)
    throw invalidParam("subscription_data", "You can not pass `subscription_data` in `payment` mode.");
  if (mode === "subscription" && paymentIntentData)
    throw invalidParam("payment_intent_data", "You can not pass `payment_intent_data` in `subscription` mode.");
  const now = emu.clock.unix();
  const expiresAt = params.int("expires_at", now + 1800, now + 86_400) ?? now + 86_400;
  const trialPeriodDays = subscriptionData?.int("trial_period_days", 1, 730) ?? null;
  const subtotal = items.reduce((sum, item) => sum + item.price.unitAmount * item.quantity, 0);
  const session: CheckoutSession = {
    id: newId("cs_test"),
    accountId,
    mode,
    status: "open",
    paymentStatus: "unpaid",
    lineItems: items.map((item) => ({ id: item.id, price: item.price.id, quantity: item.quantity })),
    currency: items[0]?.price.currency ?? "usd",
    amountSubtotal: subtotal,
    // During a trial nothing is due today.
    amountTotal: trialPeriodDays ? 0 : subtotal,
    customer: customerId ?? null,
    customerEmail,
    customerDetails: null,
    clientReferenceId: params.nullable("client_reference_id", { max: 200 }) ?? null,
    metadata: params.metadata(),
    subscriptionData: {
      metadata: subscriptionData?.metadata() ?? {},
      trialPeriodDays,
      description: subscriptionData?.nullable("description") ?? null,
    },
    paymentIntentData: {
      metadata: paymentIntentData?.metadata() ?? {},
      description: paymentIntentData?.nullable("description") ?? null,
    },
    successUrl: url(params, "success_url"),
    cancelUrl: url(params, "cancel_url"),
    subscription: null,
    paymentIntent: null,
    invoice: null,
    created: now,
    expiresAt,
  };
  emu.store.state.checkoutSessions.push(session);
  return session;
}
