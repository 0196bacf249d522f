import { Hono } from "hono";
import type { Emulator } from "../context.ts";
import { invalidParam, noSuch } from "../errors.ts";
import { newId } from "../ids.ts";
import type { PortalSession } from "../types.ts";
import { portalSessionView } from "../views/portal-session.ts";
import { type Env, lookup, respond } from "./shared.ts";

export function billingPortalRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  app.post("/sessions", (c) => {
    const params = c
      .get("params")
      .allow("customer", "return_url", "configuration", "locale", "flow_data", "on_behalf_of");
    const customerId = params.required("customer");
    const customer = lookup(emu, c, "customers", "customer", customerId, "customer");
    if (customer.deleted) throw noSuch("customer", customerId, "customer");
    const returnUrl = params.nullable("return_url") ?? null;
    if (returnUrl && !URL.canParse(returnUrl)) throw invalidParam("return_url", "Not a valid URL", "url_invalid");
    const session: PortalSession = {
      id: newId("bps"),
      accountId: customer.accountId,
      customer: customer.id,
      returnUrl,
      created: emu.clock.unix(),
    };
    emu.store.state.portalSessions.push(session);
    return respond(emu, c, portalSessionView(emu, session));
  });
  return app;
}
