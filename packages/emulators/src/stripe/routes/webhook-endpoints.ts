import { Hono } from "hono";
import type { Emulator } from "../context.ts";
import { invalidParam, missingParam } from "../errors.ts";
import { newId, randomAlnum } from "../ids.ts";
import { paginate } from "../pagination.ts";
import type { Params } from "../params.ts";
import type { WebhookEndpoint } from "../types.ts";
import { webhookEndpointView } from "../views/webhook-endpoint.ts";
import { type Env, load, owned, respond } from "./shared.ts";

// Localhost and plain http are allowed (Stripe requires public https URLs): the emulator posts to local servers.
function endpointUrl(params: Params): string | undefined {
  const url = params.string("url");
  if (url === undefined) return undefined;
  if (!/^https?:\/\//.test(url) || !URL.canParse(url))
    throw invalidParam("url", "Invalid URL: must be an http(s) URL", "url_invalid");
  return url;
}

function enabledEvents(params: Params): string[] | undefined {
  const events = params.strings("enabled_events");
  if (events === undefined) return undefined;
  if (events.length === 0) throw missingParam("enabled_events");
  events.forEach((event, index) => {
    if (event !== "*" && !/^[a-z_]+(\.[a-z_]+)+$/.test(event)) {
      throw invalidParam(`enabled_events[${index}]`, `Invalid enabled_events[${index}]: ${event} is not an event type`);
    }
  });
  return events;
}

export function webhookEndpointRoutes(emu: Emulator) {
  const app = new Hono<Env>();

  app.post("/", (c) => {
    const params = c.get("params").allow("url", "enabled_events", "description", "metadata", "api_version", "connect");
    const url = endpointUrl(params);
    if (!url) throw missingParam("url");
    const events = enabledEvents(params);
    if (!events) throw missingParam("enabled_events");
    const endpoint: WebhookEndpoint = {
      id: newId("we"),
      accountId: c.get("account").id,
      url,
      enabledEvents: events,
      description: params.nullable("description") ?? null,
      metadata: params.metadata(),
      secret: `whsec_${randomAlnum(32)}`,
      status: "enabled",
      apiVersion: params.string("api_version") ?? null,
      created: emu.clock.unix(),
    };
    emu.store.state.webhookEndpoints.push(endpoint);
    return respond(emu, c, webhookEndpointView(endpoint, true));
  });

  app.get("/", (c) => {
    const params = c.get("params").allow("limit", "starting_after", "ending_before");
    const endpoints = owned(emu, c, "webhookEndpoints");
    return respond(
      emu,
      c,
      paginate(endpoints, params, "/v1/webhook_endpoints", "webhook endpoint", (e) => webhookEndpointView(e)),
    );
  });

  app.get("/:id", (c) => respond(emu, c, webhookEndpointView(load(emu, c, "webhookEndpoints", "webhook endpoint"))));

  app.post("/:id", (c) => {
    const endpoint = load(emu, c, "webhookEndpoints", "webhook endpoint");
    const params = c.get("params").allow("url", "enabled_events", "description", "metadata", "disabled");
    endpoint.url = endpointUrl(params) ?? endpoint.url;
    endpoint.enabledEvents = enabledEvents(params) ?? endpoint.enabledEvents;
    const description = params.nullable("description");
    if (description !== undefined) endpoint.description = description;
    endpoint.metadata = params.metadata(endpoint.metadata);
    const disabled = params.bool("disabled");
    if (disabled !== undefined) endpoint.status = disabled ? "disabled" : "enabled";
    return respond(emu, c, webhookEndpointView(endpoint));
  });

  app.delete("/:id", (c) => {
    const endpoint = load(emu, c, "webhookEndpoints", "webhook endpoint");
    const endpoints = emu.store.state.webhookEndpoints;
    endpoints.splice(endpoints.indexOf(endpoint), 1);
    return c.json({ id: endpoint.id, object: "webhook_endpoint", deleted: true });
  });
  return app;
}
