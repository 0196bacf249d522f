import type { JsonWebKey } from "node:crypto";

/** Cloudflare hands out `pem` and `jwk` base64-encoded; people paste them decoded too. Accept all four. */
export function decodeKeyMaterial(value: string): string | JsonWebKey {
  const trimmed = value.trim();
  if (trimmed.startsWith("-----BEGIN")) return trimmed;
  if (trimmed.startsWith("{")) return parseJwk(trimmed);
  const decoded = Buffer.from(trimmed, "base64").toString("utf8").trim();
  if (decoded.startsWith("-----BEGIN")) return decoded;
  if (decoded.startsWith("{")) return parseJwk(decoded);
  throw new TypeError("The signing key is neither a PEM block nor a JWK (plain or base64-encoded)");
}

function parseJwk(json: string): JsonWebKey {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new TypeError("The signing key JWK is not a JSON object");
  }
  return parsed as JsonWebKey;
}
