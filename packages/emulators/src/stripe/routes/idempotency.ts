import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Emulator } from "../context.ts";
import { StripeApiError } from "../errors.ts";
import type { Env } from "./shared.ts";

type Saved = { fingerprint: string; at: number } & ({ done: false } | { done: true; status: number; body: string });

const DAY = 86_400;

/**
 * `Idempotency-Key` on POST: the same key on the same account replays the first response; other parameters with
 * that key are an `idempotency_error`. Only successful responses are kept, 24 hours (emulator time), in memory.
 */
export function idempotency(emu: Emulator): MiddlewareHandler<Env> {
  const saved = new Map<string, Saved>();
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || !key) return next();
    const now = emu.clock.unix();
    for (const [name, entry] of saved) if (entry.at < now - DAY) saved.delete(name);
    const name = `${c.get("account").id}:${key}`;
    const fingerprint = `${c.req.method} ${new URL(c.req.url).pathname} ${await c.req.text()}`;
    const entry = saved.get(name);
    if (entry && entry.fingerprint !== fingerprint) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (entry && !entry.done) {
      throw new StripeApiError(409, {
        type: "invalid_request_error",
        code: "idempotency_key_in_use",
        message: "There is currently another in-progress request using this Idempotent Key. Try again later.",
      });
    }
    if (entry?.done) {
      c.header("idempotent-replayed", "true");
      c.header("content-type", "application/json");
      return c.body(entry.body, entry.status as ContentfulStatusCode);
    }
    saved.set(name, { fingerprint, at: now, done: false });
    try {
      await next();
    } finally {
      const { status } = c.res;
      if (status >= 200 && status < 300) {
        saved.set(name, { fingerprint, at: now, done: true, status, body: await c.res.clone().text() });
      } else {
        saved.delete(name);
      }
    }
  };
}
