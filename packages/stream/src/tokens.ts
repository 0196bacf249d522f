import { createPrivateKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import { decodeKeyMaterial } from "./key-material";

export type AccessRuleAction = "allow" | "block";

/** Evaluated first to last by Cloudflare; the first match decides, no match means allowed. */
export type AccessRule =
  | { type: "any"; action: AccessRuleAction }
  | { type: "ip.src"; action: AccessRuleAction; ip: string[] }
  | { type: "ip.geoip.country"; action: AccessRuleAction; country: string[] };

export type PlaybackTokenInput = {
  /** The signing key's id (Cloudflare's `id` from keys.create). */
  keyId: string;
  /** The key's `pem` or `jwk` as Cloudflare returned it (base64) or decoded. */
  privateKey: string | JsonWebKey;
  /** Video uid, or live input uid for a live stream. */
  videoUid: string;
  /** Default and maximum: 24 hours, Cloudflare's limit. */
  expiresInSeconds?: number;
  /** Default: a minute ago, so a clock slightly ahead of Cloudflare's does not reject fresh tokens. */
  notBefore?: Date;
  /** At most five. */
  accessRules?: AccessRule[];
  /** Allows the MP4/M4A downloads. */
  downloadable?: boolean;
  now?: Date;
};

export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const MAX_ACCESS_RULES = 5;
const CLOCK_SKEW_SECONDS = 60;

// jose converts each KeyObject for WebCrypto once and remembers it per object, so handing it the same
// object again makes a signature ~4x cheaper (0.4 ms against 1.7 ms measured here).
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_LIMIT = 256;

function importSigningKey(keyId: string, privateKey: string | JsonWebKey): KeyObject {
  const cacheKey = `${keyId}\n${typeof privateKey === "string" ? privateKey : JSON.stringify(privateKey)}`;
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;

  const material = typeof privateKey === "string" ? decodeKeyMaterial(privateKey) : privateKey;
  if (typeof material !== "string" && material.kid !== undefined && material.kid !== keyId) {
    throw new TypeError(`The JWK belongs to key ${String(material.kid)}, not ${keyId}`);
  }
  const key =
    typeof material === "string" ? createPrivateKey(material) : createPrivateKey({ key: material, format: "jwk" });
  if (key.asymmetricKeyType !== "rsa") throw new TypeError("A Stream signing key is an RSA private key");

  if (keyCache.size >= KEY_CACHE_LIMIT) {
    const oldest = keyCache.keys().next();
    if (!oldest.done) keyCache.delete(oldest.value);
  }
  keyCache.set(cacheKey, key);
  return key;
}

/** A self-signed Stream token (RS256): put it in place of the uid in manifest, iframe and thumbnail URLs. */
export async function signPlaybackToken(input: PlaybackTokenInput): Promise<string> {
  if (!input.keyId) throw new TypeError("keyId is required");
  if (!input.videoUid) throw new TypeError("videoUid is required");
  const lifetime = input.expiresInSeconds ?? MAX_TOKEN_LIFETIME_SECONDS;
  if (!(lifetime > 0)) throw new RangeError("expiresInSeconds must be positive");
  if ((input.accessRules?.length ?? 0) > MAX_ACCESS_RULES) {
    throw new RangeError(`Cloudflare accepts at most ${MAX_ACCESS_RULES} access rules`);
  }

  const now = Math.floor((input.now?.getTime() ?? Date.now()) / 1000);
  const claims: Record<string, unknown> = {
    sub: input.videoUid,
    kid: input.keyId,
    exp: now + Math.min(Math.floor(lifetime), MAX_TOKEN_LIFETIME_SECONDS),
    nbf: input.notBefore ? Math.floor(input.notBefore.getTime() / 1000) : now - CLOCK_SKEW_SECONDS,
  };
  if (input.accessRules?.length) claims.accessRules = input.accessRules;
  if (input.downloadable) claims.downloadable = true;

  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: input.keyId })
    .sign(importSigningKey(input.keyId, input.privateKey));
}
