import { Hono } from "hono";
import type { Emulator } from "../context.ts";
import { eventView } from "../events.ts";
import { paginate } from "../pagination.ts";
import { type Env, load, owned, respond } from "./shared.ts";

export function eventRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  app.get("/", (c) => {
    const params = c.get("params");
    params.allow("type", "types", "limit", "starting_after", "ending_before", "created", "delivery_success");
    const type = params.string("type");
    const types = params.strings("types");
    // `type` takes a `*` wildcard on Stripe, e.g. `customer.subscription.*`.
    const pattern = type ? new RegExp(`^${type.replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`) : null;
    const events = owned(emu, c, "events").filter(
      ({ event }) => (!pattern || pattern.test(event.type)) && (!types || types.includes(event.type)),
    );
    return respond(
      emu,
      c,
      paginate(events, params, "/v1/events", "event", ({ event }) => eventView(emu, event)),
    );
  });
  app.get("/:id", (c) => respond(emu, c, eventView(emu, load(emu, c, "events", "event").event)));
  return app;
}
