import { Hono } from "hono";
import type { Env } from "../auth.ts";
import type { Emulator } from "../context.ts";
import { badRequest, notFound, ok } from "../envelope.ts";
import { randomHex } from "../ids.ts";
import { generateRsaKey, signPlaybackToken } from "../signing.ts";
import { jsonBody, optionalBoolean, optionalNumber, optionalString } from "../validate.ts";

const maxKeys = 1000;
const base64 = (text: string) => Buffer.from(text).toString("base64");

/** `/stream/keys`: real RSA keys; the private half is shown once, base64 PEM (PKCS#1) and base64 JWK (fact sheet §5.1). */
export function keyRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  app.post("/", async (c) => {
    const account = c.get("account");
    if (account.keys.length >= maxKeys) throw badRequest(`An account can have at most ${maxKeys} signing keys`);
    const id = randomHex(16);
    const key = await generateRsaKey(id);
    const created = emu.clock.stamp();
    account.keys.push({ id, created, publicJwk: key.publicJwk });
    emu.store.changed();
    return ok(c, { id, pem: base64(key.privatePem), jwk: base64(JSON.stringify(key.privateJwk)), created });
  });
  app.get("/", (c) =>
    ok(
      c,
      c.get("account").keys.map(({ id, created }) => ({ id, created })),
    ),
  );
  app.delete("/:id", (c) => {
    const account = c.get("account");
    if (!account.keys.some((k) => k.id === c.req.param("id"))) throw notFound();
    // Tokens are checked against the account's live keys, so removal revokes everything the key signed.
    account.keys = account.keys.filter((k) => k.id !== c.req.param("id"));
    emu.store.changed();
    return ok(c, "Revoked");
  });
  return app;
}

/** `POST /stream/{uid}/token` (fact sheet §5.3): signed with Cloudflare's key unless `id` + `pem` are given. */
export function tokenEndpoint(emu: Emulator) {
  const app = new Hono<Env>();
  app.post("/:uid/token", async (c) => {
    const account = c.get("account");
    const uid = c.req.param("uid");
    if (!emu.store.video(account.id, uid) && !emu.store.liveInput(account.id, uid)) throw notFound();
    const body = await jsonBody(c.req);
    const now = Math.floor(emu.clock.now().getTime() / 1000);
    const exp = optionalNumber(body, "exp", now + 1, now + 86_400) ?? now + 3600;
    const nbf = optionalNumber(body, "nbf", 0, exp) ?? now - 3600;
    const downloadable = optionalBoolean(body, "downloadable");
    const id = optionalString(body, "id");
    const pem = optionalString(body, "pem", 16_384);
    if ((id === undefined) !== (pem === undefined)) throw badRequest("id and pem must be sent together");
    const key =
      id && pem
        ? { kid: id, privateKey: pem.includes("BEGIN") ? pem : Buffer.from(pem, "base64").toString("utf8") }
        : { kid: account.tokenKey.id, privateKey: account.tokenKey.privatePem };
    const claims = {
      sub: uid,
      exp,
      nbf,
      ...(downloadable !== undefined ? { downloadable } : {}),
      ...(Array.isArray(body.accessRules) ? { accessRules: body.accessRules.slice(0, 5) } : {}),
    };
    const token = await signPlaybackToken(key, claims).catch(() => {
      throw badRequest("pem is not a valid RSA private key");
    });
    return ok(c, { token });
  });
  return app;
}
