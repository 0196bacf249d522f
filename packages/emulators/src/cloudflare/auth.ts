import type { MiddlewareHandler } from "hono";
import type { Emulator } from "./context.ts";
import { ApiError, codes } from "./envelope.ts";
import type { Account, ApiToken } from "./types.ts";

export type Env = { Variables: { account: Account } };

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

export function findToken(emu: Emulator, value: string | null): { account: Account; token: ApiToken } | null {
  if (!value) return null;
  for (const account of emu.store.state.accounts) {
    const token = account.tokens.find((t) => t.value === value);
    if (token) return { account, token };
  }
  return null;
}

export const isExpired = (emu: Emulator, token: ApiToken) =>
  token.expiresOn !== null && Date.parse(token.expiresOn) <= emu.clock.now().getTime();

/**
 * Stream routes: the bearer token must be live, belong to the account in the path, and carry write
 * scope for anything but reads. Every failure is Cloudflare's `10000 Authentication error`.
 */
export function requireStreamAccess(emu: Emulator): MiddlewareHandler<Env> {
  return async (c, next) => {
    const found = findToken(emu, bearerToken(c.req.header("authorization")));
    const accountId = c.req.param("accountId");
    const readOnly = c.req.method === "GET" || c.req.method === "HEAD";
    if (
      !found ||
      found.account.id !== accountId ||
      isExpired(emu, found.token) ||
      (!readOnly && found.token.scope !== "write")
    ) {
      throw new ApiError(403, codes.authentication, "Authentication error");
    }
    c.set("account", found.account);
    await next();
  };
}
