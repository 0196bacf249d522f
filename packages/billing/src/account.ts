import type Stripe from "stripe";
import { call, isNotFound } from "./errors";

/** "Test connection": the key works and names its account. */
export async function readAccount(stripe: Stripe) {
  const account = await call(() => stripe.accounts.retrieve(null));
  return {
    id: account.id,
    name: account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? null,
  };
}

export const WEBHOOK_EVENTS: Stripe.WebhookEndpointCreateParams.EnabledEvent[] = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
];

/** Creates our webhook endpoint on the account; the signing secret is only ever returned here. */
export async function registerWebhookEndpoint(stripe: Stripe, url: string) {
  const endpoint = await call(() =>
    stripe.webhookEndpoints.create({ url, enabled_events: WEBHOOK_EVENTS, description: "Marquee" }),
  );
  if (!endpoint.secret) throw new Error("Stripe returned a webhook endpoint without its secret");
  return { id: endpoint.id, secret: endpoint.secret };
}

export async function deleteWebhookEndpoint(stripe: Stripe, endpointId: string) {
  await call(() => stripe.webhookEndpoints.del(endpointId)).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}
