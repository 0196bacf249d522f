import { Hono } from "hono";
import type { Emulator } from "../context.ts";
import { noSuch } from "../errors.ts";
import { accountView } from "../views/account.ts";
import { type Env, respond } from "./shared.ts";

/** `stripe.accounts.retrieve()` (no id) calls `GET /v1/account`; with the account's own id, `/v1/accounts/<id>`. */
export function accountRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  app.get("/account", (c) => respond(emu, c, accountView(c.get("account"))));
  app.get("/accounts/:id", (c) => {
    const account = c.get("account");
    if (c.req.param("id") !== account.id) throw noSuch("account", c.req.param("id"));
    return respond(emu, c, accountView(account));
  });
  return app;
}
