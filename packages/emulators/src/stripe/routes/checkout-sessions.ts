import { Hono } from "hono";
import { expireSession } from "../billing/checkout.ts";
import type { Emulator } from "../context.ts";
import { badRequest } from "../errors.ts";
import { paginate } from "../pagination.ts";
import { checkoutSessionView, lineItemView } from "../views/checkout-session.ts";
import { createCheckoutSession } from "./checkout-create.ts";
import { type Env, fromRequest, load, owned, respond } from "./shared.ts";

export function checkoutSessionRoutes(emu: Emulator) {
  const app = new Hono<Env>();

  app.post("/", (c) => respond(emu, c, checkoutSessionView(emu, createCheckoutSession(emu, c))));

  app.get("/", (c) => {
    const params = c.get("params");
    params.allow("customer", "subscription", "payment_intent", "status", "limit", "starting_after", "ending_before");
    const filters = {
      customer: params.string("customer"),
      subscription: params.string("subscription"),
      paymentIntent: params.string("payment_intent"),
      status: params.oneOf("status", ["open", "complete", "expired"]),
    };
    const sessions = owned(emu, c, "checkoutSessions").filter(
      (s) =>
        (!filters.customer || s.customer === filters.customer) &&
        (!filters.subscription || s.subscription === filters.subscription) &&
        (!filters.paymentIntent || s.paymentIntent === filters.paymentIntent) &&
        (!filters.status || s.status === filters.status),
    );
    const view = (session: (typeof sessions)[number]) => checkoutSessionView(emu, session);
    return respond(emu, c, paginate(sessions, params, "/v1/checkout/sessions", "checkout.session", view));
  });

  app.get("/:id", (c) =>
    respond(emu, c, checkoutSessionView(emu, load(emu, c, "checkoutSessions", "checkout.session"))),
  );

  app.post("/:id/expire", (c) => {
    const session = load(emu, c, "checkoutSessions", "checkout.session");
    if (session.status !== "open") {
      throw badRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      );
    }
    session.expiresAt = emu.clock.unix();
    expireSession(emu, session, fromRequest(c));
    return respond(emu, c, checkoutSessionView(emu, session));
  });

  app.get("/:id/line_items", (c) => {
    const session = load(emu, c, "checkoutSessions", "checkout.session");
    const params = c.get("params").allow("limit", "starting_after", "ending_before");
    // `paginate` lists newest first; line items keep their order, so hand it the reverse.
    const items = [...session.lineItems].reverse();
    const url = `/v1/checkout/sessions/${session.id}/line_items`;
    return respond(
      emu,
      c,
      paginate(items, params, url, "line item", (item) => lineItemView(emu, session, item)),
    );
  });
  return app;
}
