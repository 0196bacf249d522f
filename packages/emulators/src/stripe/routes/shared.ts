import type { Context } from "hono";
import type { Emulator } from "../context.ts";
import { noSuch } from "../errors.ts";
import type { EmitOptions } from "../events.ts";
import { expand } from "../expand.ts";
import type { Params } from "../params.ts";
import type { Account, ApiObject, Collections, EventRequest, Kind } from "../types.ts";

export type Env = { Variables: { account: Account; params: Params; request: EventRequest } };

export type ApiContext = Context<Env>;

/** The object as JSON, after the request's `expand[]`. */
export function respond(emu: Emulator, c: ApiContext, object: ApiObject) {
  return c.json(expand(emu, c.get("account").id, object, c.get("params").expand()));
}

/** The account's record named in the URL, or Stripe's 404 `No such <label>: '<id>'`. */
export function load<K extends Kind>(
  emu: Emulator,
  c: ApiContext,
  kind: K,
  label: string,
  id = c.req.param("id") ?? "",
): Collections[K][number] {
  const record = emu.store.find(kind, c.get("account").id, id);
  if (!record) throw noSuch(label, id);
  return record;
}

/** The account's record named by a parameter, or a 400 with that `param`. */
export function lookup<K extends Kind>(
  emu: Emulator,
  c: ApiContext,
  kind: K,
  label: string,
  id: string,
  param: string,
): Collections[K][number] {
  const record = emu.store.find(kind, c.get("account").id, id);
  if (!record) throw noSuch(label, id, param);
  return record;
}

export const fromRequest = (c: ApiContext): EmitOptions => ({ request: c.get("request") });

/** The account's records of a kind, filtered, for `paginate`. */
export function owned<K extends Kind>(emu: Emulator, c: ApiContext, kind: K): Collections[K] {
  const accountId = c.get("account").id;
  return (emu.store.state[kind] as Collections[K][number][]).filter((r) => r.accountId === accountId) as Collections[K];
}
