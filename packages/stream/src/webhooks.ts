import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Video } from "cloudflare/resources/stream/stream";
import { type StreamVideo, toStreamVideo } from "./video";

export type WebhookRejection = "missing" | "malformed" | "stale" | "future" | "mismatch";

export type WebhookVerification = { ok: true; timestamp: number } | { ok: false; reason: WebhookRejection };

export type VerifyWebhookInput = {
  /** The `Webhook-Signature` header: `time=<unix seconds>,sig1=<hex>`. */
  header: string | null | undefined;
  /** The body exactly as received: re-serialised JSON does not match. */
  rawBody: string | Uint8Array;
  /** The secret Cloudflare returned when the webhook was set. */
  secret: string;
  nowSeconds?: number;
  toleranceSeconds?: number;
};

export const WEBHOOK_TOLERANCE_SECONDS = 300;

function parseSignatureHeader(header: string): { time: string; signatures: string[] } | null {
  let time: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "time") time = value;
    if (key === "sig1") signatures.push(value.toLowerCase());
  }
  if (!time || !/^\d{1,12}$/.test(time)) return null;
  const wellFormed = signatures.filter((sig) => /^[0-9a-f]{64}$/.test(sig));
  return wellFormed.length === 0 ? null : { time, signatures: wellFormed };
}

function computeSignature(time: string, rawBody: string | Uint8Array, secret: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(`${time}.`).update(rawBody).digest("hex");
}

/**
 * Cloudflare Stream's webhook signature: HMAC-SHA256 of `<time>.<raw body>` keyed by the secret's
 * UTF-8 bytes, hex. The time window bounds how long a captured request can be replayed.
 */
export function verifyWebhookSignature(input: VerifyWebhookInput): WebhookVerification {
  if (!input.header) return { ok: false, reason: "missing" };
  const parsed = parseSignatureHeader(input.header);
  if (!parsed) return { ok: false, reason: "malformed" };

  const timestamp = Number(parsed.time);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (now - timestamp > tolerance) return { ok: false, reason: "stale" };
  if (timestamp - now > tolerance) return { ok: false, reason: "future" };

  const expected = Buffer.from(computeSignature(parsed.time, input.rawBody, input.secret), "utf8");
  // Check every candidate in full so the time taken does not depend on which one matched.
  let matched = false;
  for (const signature of parsed.signatures) {
    matched = timingSafeEqual(expected, Buffer.from(signature, "utf8")) || matched;
  }
  return matched ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}

/** The header Cloudflare would send with this body, so tests of the receiving route can post signed events. */
export function signWebhookBody(rawBody: string | Uint8Array, secret: string, timeSeconds: number): string {
  const time = String(Math.floor(timeSeconds));
  return `time=${time},sig1=${computeSignature(time, rawBody, secret)}`;
}

/**
 * Cloudflare Notifications (live input events) send the destination's secret verbatim in
 * `cf-webhook-auth`; there is no HMAC. Hashing both sides first makes the compare constant-time
 * whatever the lengths.
 */
export function verifyNotificationSecret(headerValue: string | null | undefined, secret: string): boolean {
  if (!headerValue || !secret) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(headerValue), digest(secret));
}

/**
 * A verified delivery's body is a bare Video object (no envelope). null when it is not one: answer
 * 2xx anyway and let the reconcile job find the truth.
 */
export function parseVideoWebhook(rawBody: string | Uint8Array): StreamVideo | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || !("uid" in parsed) || typeof parsed.uid !== "string") {
    return null;
  }
  return toStreamVideo(parsed as Video);
}
