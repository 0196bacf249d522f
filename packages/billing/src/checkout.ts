import type Stripe from "stripe";
import { call, isNotFound } from "./errors";

type Metadata = Record<string, string>;

export type CheckoutInput = {
  mode: "subscription" | "payment";
  customerId: string;
  priceId: string;
  /** May contain `{CHECKOUT_SESSION_ID}`, which Stripe fills in. */
  successUrl: string;
  cancelUrl: string;
  /** Copied to the session and to what it creates (subscription or payment), so webhooks can be traced back. */
  metadata: Metadata;
  clientReferenceId: string;
};

export async function createCheckoutSession(stripe: Stripe, input: CheckoutInput) {
  const session = await call(() =>
    stripe.checkout.sessions.create({
      mode: input.mode,
      customer: input.customerId,
      line_items: [{ price: input.priceId, quantity: 1 }],
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
      client_reference_id: input.clientReferenceId,
      metadata: input.metadata,
      ...(input.mode === "subscription"
        ? { subscription_data: { metadata: input.metadata } }
        : { payment_intent_data: { metadata: input.metadata } }),
    }),
  );
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  return { id: session.id, url: session.url };
}

export type CheckoutSnapshot = {
  id: string;
  mode: Stripe.Checkout.Session.Mode;
  status: Stripe.Checkout.Session.Status;
  paid: boolean;
  customerId: string | null;
  subscriptionId: string | null;
  /** What the customer paid, in the currency's minor unit. */
  amountTotal: number | null;
  currency: string | null;
  metadata: Metadata;
};

/** The session as Stripe holds it now (null if Stripe does not know it). */
export async function readCheckoutSession(stripe: Stripe, sessionId: string): Promise<CheckoutSnapshot | null> {
  const session = await call(() => stripe.checkout.sessions.retrieve(sessionId)).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!session) return null;
  return {
    id: session.id,
    mode: session.mode,
    status: session.status ?? "open",
    paid: session.payment_status === "paid" || session.payment_status === "no_payment_required",
    customerId: idOf(session.customer),
    subscriptionId: idOf(session.subscription),
    amountTotal: session.amount_total ?? null,
    currency: session.currency ?? null,
    metadata: session.metadata ?? {},
  };
}

export async function createPortalSession(stripe: Stripe, input: { customerId: string; returnUrl: string }) {
  const session = await call(() =>
    stripe.billingPortal.sessions.create({ customer: input.customerId, return_url: input.returnUrl }),
  );
  return { url: session.url };
}

export async function createCustomer(
  stripe: Stripe,
  input: { email: string; name: string; metadata: Metadata },
  idempotencyKey?: string,
): Promise<string> {
  const customer = await call(() =>
    stripe.customers.create(
      { email: input.email, name: input.name, metadata: input.metadata },
      idempotencyKey ? { idempotencyKey } : undefined,
    ),
  );
  return customer.id;
}

/** Whether the customer still exists in this Stripe account (a deleted customer cannot check out). */
export async function customerExists(stripe: Stripe, customerId: string): Promise<boolean> {
  const customer = await call(() => stripe.customers.retrieve(customerId)).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  return Boolean(customer && !customer.deleted);
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
