import type { MiddlewareHandler } from "hono";
import { API_VERSION, type Emulator } from "../context.ts";
import { invalidApiKey } from "../errors.ts";
import { newId } from "../ids.ts";
import { Params, parseForm } from "../params.ts";
import type { Env } from "./shared.ts";

/** `Authorization: Bearer sk_…`, or HTTP Basic with the key as user name (what `curl -u sk_…:` sends). */
export function secretKeyOf(header: string | undefined): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!basic?.[1]) return null;
  return Buffer.from(basic[1], "base64").toString("utf8").split(":")[0] || null;
}

/** Request id, API key, and the parameters (query string for GET/DELETE, form body for POST). */
export function apiMiddleware(emu: Emulator): MiddlewareHandler<Env> {
  return async (c, next) => {
    const requestId = newId("req");
    c.header("request-id", requestId);
    c.header("stripe-version", API_VERSION);
    const key = secretKeyOf(c.req.header("authorization"));
    const account = key ? emu.store.accountByKey(key) : undefined;
    if (!account) throw invalidApiKey(key);
    c.set("account", account);
    c.set("request", { id: requestId, idempotency_key: c.req.header("idempotency-key") ?? null });
    const search = new URL(c.req.url).search.slice(1);
    const body = c.req.method === "POST" ? await c.req.text() : "";
    c.set("params", new Params({ ...parseForm(search), ...parseForm(body) }));
    await next();
    if (c.req.method !== "GET") emu.store.changed();
  };
}
