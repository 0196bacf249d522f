import type { JsonWebKey } from "node:crypto";
import type { StreamContext } from "../context";
import { ignoreNotFound, unexpectedResponse } from "../errors";
import { decodeKeyMaterial } from "../key-material";

/** Shown by Cloudflare only once: store `pem` or `jwk` (encrypted) right away. */
export type CreatedSigningKey = { id: string; pem: string; jwk: JsonWebKey; created: string | null };

export type SigningKeySummary = { id: string; created: string | null };

export function keyOperations(ctx: StreamContext) {
  const { sdk, run } = ctx;
  const account_id = ctx.accountId;

  return {
    async createSigningKey(): Promise<CreatedSigningKey> {
      const key = await run((o) => sdk.stream.keys.create({ account_id }, o));
      if (!key.id || !key.pem || !key.jwk) throw unexpectedResponse("signing key without id, pem or jwk");
      const pem = decodeKeyMaterial(key.pem);
      const jwk = decodeKeyMaterial(key.jwk);
      if (typeof pem !== "string" || typeof jwk === "string") throw unexpectedResponse("signing key in an odd format");
      return { id: key.id, pem, jwk, created: key.created ?? null };
    },

    async listSigningKeys(): Promise<SigningKeySummary[]> {
      const page = await run((o) => sdk.stream.keys.get({ account_id }, o));
      return page.getPaginatedItems().flatMap((key) => (key.id ? [{ id: key.id, created: key.created ?? null }] : []));
    },

    /** Revokes every token signed with the key at once; a key already gone counts as deleted. */
    async deleteSigningKey(keyId: string): Promise<void> {
      await ignoreNotFound(run((o) => sdk.stream.keys.delete(keyId, { account_id }, o)));
    },
  };
}
