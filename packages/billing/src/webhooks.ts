import Stripe from "stripe";

export type ParsedWebhook = { ok: true; event: Stripe.Event } | { ok: false; reason: string };

/** Stripe's default tolerance: a signature older than this is refused as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Verifies `Stripe-Signature` on the raw body with the endpoint's secret (HMAC-SHA256,
 * timestamp within the tolerance) and parses the event. Needs the body byte for byte.
 */
export async function parseWebhook(input: {
  rawBody: string;
  signatureHeader: string | null;
  secret: string;
  /** The receiving clock (defaults to now): a signature older than the tolerance is refused. */
  now?: Date;
}): Promise<ParsedWebhook> {
  if (!input.signatureHeader) return { ok: false, reason: "missing Stripe-Signature header" };
  try {
    const event = await Stripe.webhooks.constructEventAsync(
      input.rawBody,
      input.signatureHeader,
      input.secret,
      WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      // The SDK takes the receiving time in milliseconds.
      input.now?.getTime(),
    );
    return { ok: true, event };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      return { ok: false, reason: /tolerance/i.test(error.message) ? "signature too old" : "signature mismatch" };
    }
    return { ok: false, reason: "body is not a Stripe event" };
  }
}

/** A header as Stripe would send it, for tests and tools. */
export function signPayload(payload: string, secret: string, timestampSeconds: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: timestampSeconds });
}
