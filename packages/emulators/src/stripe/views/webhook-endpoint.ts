import type { WebhookEndpoint } from "../types.ts";

/** The secret is part of the object only in the create response, as on Stripe. */
export function webhookEndpointView(endpoint: WebhookEndpoint, withSecret = false) {
  return {
    id: endpoint.id,
    object: "webhook_endpoint",
    api_version: endpoint.apiVersion,
    application: null,
    created: endpoint.created,
    description: endpoint.description,
    enabled_events: endpoint.enabledEvents,
    livemode: false,
    metadata: endpoint.metadata,
    ...(withSecret ? { secret: endpoint.secret } : {}),
    status: endpoint.status,
    url: endpoint.url,
  };
}
