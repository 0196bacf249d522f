import { Hono } from "hono";
import type { Emulator } from "../context.ts";
import { paginate } from "../pagination.ts";
import { invoiceView } from "../views/invoice.ts";
import { paymentIntentView } from "../views/payment-intent.ts";
import { type Env, load, owned, respond } from "./shared.ts";

/** Invoices and payment intents: created by checkout and renewals, read-only through the API. */
export function invoiceRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  app.get("/", (c) => {
    const params = c.get("params");
    params.allow("customer", "subscription", "status", "limit", "starting_after", "ending_before", "created");
    const customer = params.string("customer");
    const subscription = params.string("subscription");
    const status = params.oneOf("status", ["draft", "open", "paid", "uncollectible", "void"]);
    const invoices = owned(emu, c, "invoices").filter(
      (i) =>
        (!customer || i.customer === customer) &&
        (!subscription || i.subscription === subscription) &&
        (!status || i.status === status),
    );
    const view = (invoice: (typeof invoices)[number]) => invoiceView(emu, invoice);
    return respond(emu, c, paginate(invoices, params, "/v1/invoices", "invoice", view));
  });
  app.get("/:id", (c) => respond(emu, c, invoiceView(emu, load(emu, c, "invoices", "invoice"))));
  return app;
}

export function paymentIntentRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  app.get("/", (c) => {
    const params = c.get("params").allow("customer", "limit", "starting_after", "ending_before", "created");
    const customer = params.string("customer");
    const intents = owned(emu, c, "paymentIntents").filter((i) => !customer || i.customer === customer);
    return respond(emu, c, paginate(intents, params, "/v1/payment_intents", "payment_intent", paymentIntentView));
  });
  app.get("/:id", (c) => respond(emu, c, paymentIntentView(load(emu, c, "paymentIntents", "payment_intent"))));
  return app;
}
