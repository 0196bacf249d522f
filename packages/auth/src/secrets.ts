import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export type SecretKey = { id: string; key: Buffer };

/**
 * AES-256-GCM for secrets at rest. Ciphertexts carry the id of the key that sealed them,
 * so keys can rotate: new secrets use the first key, older ones still open with theirs.
 * Format: `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts).
 */
export type SecretBox = {
  seal(plaintext: string): string;
  open(sealed: string): string;
  currentKeyId: string;
};

export class SecretKeyError extends Error {}

function b64(buffer: Buffer) {
  return buffer.toString("base64url");
}

/** A key's id is derived from the key itself, so configuration needs no separate id. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/**
 * Parses `APP_SECRET_KEY`: one or more comma-separated base64 (or base64url) 32-byte keys,
 * the current one first. Throws with a readable message on anything else.
 */
export function parseSecretKeys(value: string): SecretKey[] {
  const keys = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => Buffer.from(part, part.includes("-") || part.includes("_") ? "base64url" : "base64"));
  if (keys.length === 0) throw new SecretKeyError("must hold at least one key");
  for (const key of keys) {
    if (key.length !== 32)
      throw new SecretKeyError("each key must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  }
  return keys.map((key) => ({ id: keyIdOf(key), key }));
}

export function generateSecretKey(): string {
  return randomBytes(32).toString("base64");
}

export function createSecretBox(keys: SecretKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new SecretKeyError("no encryption key configured");
  const byId = new Map(keys.map((key) => [key.id, key.key]));
  return {
    currentKeyId: current.id,
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v1", current.id, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(":");
    },
    open(sealed) {
      const [version, keyId, iv, tag, ciphertext] = sealed.split(":");
      if (version !== "v1" || !keyId || !iv || !tag || ciphertext === undefined) {
        throw new SecretKeyError("not a sealed secret");
      }
      const key = byId.get(keyId);
      if (!key) throw new SecretKeyError(`sealed with key ${keyId}, which is not configured`);
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/** What may be shown of a secret: its last four characters. */
export function maskSecret(secret: string): string {
  return `••••${secret.slice(-4)}`;
}
