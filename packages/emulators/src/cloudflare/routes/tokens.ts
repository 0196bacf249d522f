import { type Context, Hono } from "hono";
import { bearerToken, findToken, isExpired } from "../auth.ts";
import type { Emulator } from "../context.ts";
import { ApiError, codes, failureBody, ok } from "../envelope.ts";

/** `/user/tokens/verify` and `/accounts/{id}/tokens/verify`; every emulator token is account-owned and verifies on both. */
export function tokenRoutes(emu: Emulator) {
  const app = new Hono();
  const verify = (value: string | null, accountId: string | null) => {
    const found = findToken(emu, value);
    if (!found || (accountId !== null && found.account.id !== accountId)) {
      throw new ApiError(401, codes.invalidToken, "Invalid API Token");
    }
    return found.token;
  };
  const answer = (token: ReturnType<typeof verify>, c: Context) => {
    const result = {
      id: token.id,
      status: isExpired(emu, token) ? "expired" : "active",
      ...(token.expiresOn ? { expires_on: token.expiresOn } : {}),
    };
    if (result.status === "expired") {
      const message = `This API Token was expired at ${token.expiresOn}`;
      return c.json({ ...failureBody([{ code: codes.expiredToken, message }]), result }, 401);
    }
    return ok(c, result, {}, [{ code: 10000, message: "This API Token is valid and active" }]);
  };
  app.get("/user/tokens/verify", (c) => answer(verify(bearerToken(c.req.header("authorization")), null), c));
  app.get("/accounts/:accountId/tokens/verify", (c) =>
    answer(verify(bearerToken(c.req.header("authorization")), c.req.param("accountId")), c),
  );
  return app;
}
