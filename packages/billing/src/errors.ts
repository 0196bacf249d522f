import Stripe from "stripe";

export type BillingErrorKind = "auth" | "invalid" | "not_found" | "rate_limited" | "unavailable";

/** A Stripe failure in our terms, with a message fit for the person who caused it. */
export class BillingError extends Error {
  constructor(
    readonly kind: BillingErrorKind,
    message: string,
    readonly param?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "BillingError";
  }
}

export function isBillingError(error: unknown): error is BillingError {
  return error instanceof BillingError;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof BillingError && error.kind === "not_found";
}

/** Maps the SDK's error classes; anything else is passed through untouched. */
export function toBillingError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  ) {
    return new BillingError(
      "auth",
      "Stripe did not accept this secret key. Copy it again from the Stripe dashboard (Developers → API keys).",
      undefined,
      { cause: error },
    );
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) {
    return new BillingError("rate_limited", "Stripe is busy right now. Try again in a moment.", undefined, {
      cause: error,
    });
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    if (error.code === "resource_missing" || error.statusCode === 404) {
      return new BillingError("not_found", error.message, error.param, { cause: error });
    }
    return new BillingError("invalid", error.message, error.param, { cause: error });
  }
  return new BillingError("unavailable", "Stripe could not be reached. Try again in a moment.", undefined, {
    cause: error,
  });
}

/** Runs a Stripe call and rethrows its failure as a BillingError. */
export async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toBillingError(error);
  }
}
