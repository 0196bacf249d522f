import { Hono } from "hono";
import { createCustomer } from "../billing/customers.ts";
import { endSubscription } from "../billing/subscriptions.ts";
import type { Emulator } from "../context.ts";
import { noSuch } from "../errors.ts";
import { changedFields, emit } from "../events.ts";
import { paginate } from "../pagination.ts";
import type { Params } from "../params.ts";
import { customerView } from "../views/customer.ts";
import { type ApiContext, type Env, fromRequest, load, owned, respond } from "./shared.ts";

const textFields = ["email", "name", "description", "phone"] as const;
const fields = [...textFields, "metadata"];

const text = (params: Params, key: string) => params.nullable(key, { max: 512 });

export function customerRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  const live = (c: ApiContext) => {
    const customer = load(emu, c, "customers", "customer");
    if (customer.deleted) throw noSuch("customer", customer.id);
    return customer;
  };

  app.post("/", (c) => {
    const params = c.get("params").allow(...fields);
    const customer = createCustomer(
      emu,
      c.get("account").id,
      {
        email: text(params, "email") ?? null,
        name: text(params, "name") ?? null,
        description: text(params, "description") ?? null,
        phone: text(params, "phone") ?? null,
        metadata: params.metadata(),
      },
      fromRequest(c),
    );
    return respond(emu, c, customerView(customer));
  });

  app.get("/", (c) => {
    const params = c.get("params").allow("email", "limit", "starting_after", "ending_before", "created");
    const email = params.string("email");
    const customers = owned(emu, c, "customers").filter(
      (customer) => !customer.deleted && (!email || customer.email === email),
    );
    return respond(emu, c, paginate(customers, params, "/v1/customers", "customer", customerView));
  });

  // A deleted customer is still retrievable, as `{ id, object, deleted: true }`.
  app.get("/:id", (c) => respond(emu, c, customerView(load(emu, c, "customers", "customer"))));

  app.post("/:id", (c) => {
    const customer = live(c);
    const params = c.get("params").allow(...fields);
    const before = customerView(customer);
    for (const key of textFields) {
      const value = text(params, key);
      if (value !== undefined) customer[key] = value;
    }
    customer.metadata = params.metadata(customer.metadata);
    const after = customerView(customer);
    emit(emu, customer.accountId, "customer.updated", after, {
      ...fromRequest(c),
      previous: changedFields(before, after),
    });
    return respond(emu, c, after);
  });

  // Deleting a customer cancels their subscriptions at once, as Stripe does.
  app.delete("/:id", (c) => {
    const customer = live(c);
    const at = emu.clock.unix();
    for (const subscription of emu.store.state.subscriptions) {
      if (subscription.customer !== customer.id || subscription.status === "canceled") continue;
      endSubscription(emu, subscription, { at, reason: "cancellation_requested" }, fromRequest(c));
    }
    const snapshot = customerView(customer);
    customer.deleted = true;
    emit(emu, customer.accountId, "customer.deleted", snapshot, fromRequest(c));
    return c.json(customerView(customer));
  });
  return app;
}
