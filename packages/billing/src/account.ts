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

/** Creates our webhook endpoint on the account; the signing secret is only ever returned here. */
export async function registerWebhookEndpoint(
  stripe: Stripe,
  url: string,
  events: readonly Stripe.WebhookEndpointCreateParams.EnabledEvent[],
) {
  const endpoint = await call(() =>
    stripe.webhookEndpoints.create({ url, enabled_events: [...events], description: "Marquee" }),
  );
  if (!endpoint.secret) throw new Error("Stripe returned a webhook endpoint without its secret");
  return { id: endpoint.id, secret: endpoint.secret };
}

export async function deleteWebhookEndpoint(stripe: Stripe, endpointId: string) {
  await call(() => stripe.webhookEndpoints.del(endpointId)).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}
