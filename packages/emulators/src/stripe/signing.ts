import { createHmac } from "node:crypto";

/**
 * Stripe's `Stripe-Signature` header: `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<payload>">`, keyed with the whole
 * `whsec_…` string, so `stripe.webhooks.constructEvent` verifies it unchanged.
 */
export function signStripePayload(secret: string, payload: string, unixSeconds: number): string {
  const signature = createHmac("sha256", secret).update(`${unixSeconds}.${payload}`, "utf8").digest("hex");
  return `t=${unixSeconds},v1=${signature}`;
}
