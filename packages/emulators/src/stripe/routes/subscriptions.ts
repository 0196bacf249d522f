import { Hono } from "hono";
import { endSubscription, notifyUpdated, setCancelAtPeriodEnd } from "../billing/subscriptions.ts";
import type { Emulator } from "../context.ts";
import { badRequest } from "../errors.ts";
import { paginate } from "../pagination.ts";
import { subscriptionView } from "../views/subscription.ts";
import { type Env, fromRequest, load, owned, respond } from "./shared.ts";
import { updateItems } from "./subscription-items.ts";

const statuses = [
  "active",
  "past_due",
  "trialing",
  "canceled",
  "incomplete",
  "unpaid",
  "paused",
  "ended",
  "all",
] as const;

export function subscriptionRoutes(emu: Emulator) {
  const app = new Hono<Env>();

  app.get("/", (c) => {
    const params = c.get("params");
    params.allow("customer", "price", "status", "limit", "starting_after", "ending_before", "created");
    const customer = params.string("customer");
    const price = params.string("price");
    const status = params.oneOf("status", statuses);
    const matchesStatus = (value: string) =>
      status === "all" ||
      (status === undefined && value !== "canceled") ||
      (status === "ended" && value === "canceled") ||
      value === status;
    const subscriptions = owned(emu, c, "subscriptions").filter(
      (s) =>
        (!customer || s.customer === customer) &&
        (!price || s.items.some((item) => item.price === price)) &&
        matchesStatus(s.status),
    );
    const view = (subscription: (typeof subscriptions)[number]) => subscriptionView(emu, subscription);
    return respond(emu, c, paginate(subscriptions, params, "/v1/subscriptions", "subscription", view));
  });

  app.get("/:id", (c) => respond(emu, c, subscriptionView(emu, load(emu, c, "subscriptions", "subscription"))));

  app.post("/:id", (c) => {
    const subscription = load(emu, c, "subscriptions", "subscription");
    const params = c.get("params");
    params.allow("cancel_at_period_end", "items", "metadata", "proration_behavior", "payment_behavior", "description");
    params.oneOf("proration_behavior", ["create_prorations", "none", "always_invoice"]);
    if (
      subscription.status === "canceled" &&
      Object.keys(params.data).some((key) => !["metadata", "expand"].includes(key))
    ) {
      throw badRequest("A canceled subscription can only update its cancellation_details and metadata.");
    }
    const before = subscriptionView(emu, subscription);
    const cancel = params.bool("cancel_at_period_end");
    if (cancel !== undefined) setCancelAtPeriodEnd(subscription, cancel, emu.clock.unix());
    const items = params.list("items");
    if (items) updateItems(emu, c, subscription, items);
    subscription.metadata = params.metadata(subscription.metadata);
    const description = params.nullable("description");
    if (description !== undefined) subscription.description = description;
    notifyUpdated(emu, subscription, before, fromRequest(c));
    return respond(emu, c, subscriptionView(emu, subscription));
  });

  app.delete("/:id", (c) => {
    const subscription = load(emu, c, "subscriptions", "subscription");
    c.get("params").allow("invoice_now", "prorate", "cancellation_details");
    if (subscription.status === "canceled") {
      throw badRequest(`The subscription ${subscription.id} has already been canceled.`);
    }
    endSubscription(emu, subscription, { at: emu.clock.unix(), reason: "cancellation_requested" }, fromRequest(c));
    return respond(emu, c, subscriptionView(emu, subscription));
  });
  return app;
}
