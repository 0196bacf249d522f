import { createPrivateKey, generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { compactVerify, decodeProtectedHeader, importJWK, type JWK, SignJWT } from "jose";
import type { Account } from "./types.ts";

const generateRsa = promisify(generateKeyPair);

export type GeneratedKey = { privateKey: KeyObject; privatePem: string; privateJwk: JWK; publicJwk: JWK };

export async function generateRsaKey(kid: string): Promise<GeneratedKey> {
  const { privateKey, publicKey } = await generateRsa("rsa", { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const base = { use: "sig", kid, alg: "RS256" };
  return {
    privateKey,
    privatePem,
    privateJwk: { ...base, ...(privateKey.export({ format: "jwk" }) as JWK) },
    publicJwk: { ...base, ...(publicKey.export({ format: "jwk" }) as JWK) },
  };
}

export type AccessRule = { type: string; action: string; country?: string[]; ip?: string[] };
export type PlaybackClaims = { sub: string; downloadable: boolean; accessRules: AccessRule[] };

const publicKeys = new Map<string, ReturnType<typeof importJWK>>();
const publicKey = (jwk: JWK) => {
  const kid = String(jwk.kid);
  let key = publicKeys.get(kid);
  if (!key) {
    key = importJWK(jwk, "RS256");
    publicKeys.set(kid, key);
  }
  return key;
};

const dayMs = 86_400_000;
// `exp`/`nbf` appear as numeric strings in Cloudflare's own example token (fact sheet §5.2).
const numericClaim = (value: unknown) =>
  typeof value === "number" || typeof value === "string" ? Number(value) : Number.NaN;

/**
 * Checks a playback token as the customer domain does: RS256 by one of the account's live keys (or the key behind
 * the token endpoint), not expired, not before `nbf`, `exp` at most 24 h ahead. Returns null for anything else.
 */
export async function verifyPlaybackToken(account: Account, token: string, now: Date): Promise<PlaybackClaims | null> {
  try {
    const { kid, alg } = decodeProtectedHeader(token);
    if (alg !== "RS256" || typeof kid !== "string") return null;
    const jwk =
      account.keys.find((k) => k.id === kid)?.publicJwk ??
      (account.tokenKey.id === kid ? account.tokenKey.publicJwk : null);
    if (!jwk) return null;
    const { payload } = await compactVerify(token, await publicKey(jwk));
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const exp = numericClaim(claims.exp);
    const nbf = claims.nbf === undefined ? Number.NEGATIVE_INFINITY : numericClaim(claims.nbf);
    const nowSeconds = now.getTime() / 1000;
    if (!(exp > nowSeconds) || exp > nowSeconds + dayMs / 1000 + 60 || !(nbf <= nowSeconds)) return null;
    if (typeof claims.sub !== "string" || (claims.kid !== undefined && claims.kid !== kid)) return null;
    const accessRules = Array.isArray(claims.accessRules) ? (claims.accessRules as AccessRule[]) : [];
    return { sub: claims.sub, downloadable: claims.downloadable === true, accessRules };
  } catch {
    return null;
  }
}

const ipv4 = (ip: string) => ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
const ipMatches = (ip: string, rule: string) => {
  const [range = "", bits] = rule.split("/");
  if (bits === undefined || !ip.includes(".") || !range.includes(".")) return ip === range;
  const shift = 32 - Number(bits);
  return Math.floor(ipv4(ip) / 2 ** shift) === Math.floor(ipv4(range) / 2 ** shift);
};

/** First matching rule decides; no match allows (fact sheet §5.2). Country comes from `cf-ipcountry` when sent. */
export function accessAllowed(rules: AccessRule[], ip: string | null, country: string | null): boolean {
  for (const rule of rules) {
    const matches =
      rule.type === "any" ||
      (rule.type === "ip.src" && ip !== null && (rule.ip ?? []).some((r) => ipMatches(ip, r))) ||
      (rule.type === "ip.geoip.country" && country !== null && (rule.country ?? []).includes(country));
    if (matches) return rule.action === "allow";
  }
  return true;
}

export async function signPlaybackToken(
  key: { kid: string; privateKey: KeyObject | string },
  claims: Record<string, unknown> & { sub: string; exp: number; nbf: number },
): Promise<string> {
  const privateKey = typeof key.privateKey === "string" ? createPrivateKey(key.privateKey) : key.privateKey;
  return new SignJWT({ ...claims, kid: key.kid }).setProtectedHeader({ alg: "RS256", kid: key.kid }).sign(privateKey);
}
