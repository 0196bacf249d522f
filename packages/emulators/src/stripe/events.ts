import { API_VERSION, type Emulator } from "./context.ts";
import { newId } from "./ids.ts";
import type { ApiObject, EventRequest, StripeEvent, WebhookEndpoint } from "./types.ts";

/** Events the emulator raises on its own (renewals, hosted pages) carry no request, as on Stripe. */
export const automatic: EventRequest = { id: null, idempotency_key: null };

export type EmitOptions = { previous?: ApiObject; request?: EventRequest; at?: number };

const listens = (endpoint: WebhookEndpoint, type: string) =>
  endpoint.status === "enabled" && (endpoint.enabledEvents.includes("*") || endpoint.enabledEvents.includes(type));

/** Records the event (its object a snapshot of now) and sends it to every matching endpoint of the account. */
export function emit(emu: Emulator, accountId: string, type: string, object: ApiObject, options: EmitOptions = {}) {
  const endpoints = emu.store.state.webhookEndpoints.filter((e) => e.accountId === accountId && listens(e, type));
  const event: StripeEvent = {
    id: newId("evt"),
    object: "event",
    api_version: API_VERSION,
    created: options.at ?? emu.clock.unix(),
    data: {
      object: structuredClone(object),
      ...(options.previous ? { previous_attributes: structuredClone(options.previous) } : {}),
    },
    livemode: false,
    pending_webhooks: endpoints.length,
    request: options.request ?? automatic,
    type,
  };
  emu.store.state.events.push({ id: event.id, accountId, event });
  emu.store.changed();
  // Stripe sends pretty-printed JSON; receivers must verify the raw bytes, never a re-serialisation.
  const body = JSON.stringify(event, null, 2);
  for (const endpoint of endpoints) {
    emu.dispatcher.send({
      accountId,
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: type,
      url: endpoint.url,
      body,
    });
  }
  return event;
}

/** `previous_attributes`: the earlier value of every top-level field that changed. */
export function changedFields(before: ApiObject, after: ApiObject): ApiObject | undefined {
  const previous: ApiObject = {};
  for (const [key, value] of Object.entries(before)) {
    if (JSON.stringify(value) !== JSON.stringify(after[key])) previous[key] = value;
  }
  return Object.keys(previous).length > 0 ? previous : undefined;
}

/** The event as `/v1/events` returns it now: `pending_webhooks` counts deliveries not yet through. */
export function eventView(emu: Emulator, event: StripeEvent): StripeEvent {
  const pending = emu.dispatcher.list().filter((d) => d.eventId === event.id && d.state !== "delivered");
  return { ...event, pending_webhooks: new Set(pending.map((d) => d.endpointId)).size };
}
