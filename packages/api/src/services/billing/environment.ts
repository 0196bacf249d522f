import type { SecretBox } from "@marquee/auth";
import { type BillingError, isBillingError, type StripeEnvironment } from "@marquee/billing";
import type { Db } from "@marquee/db";
import { AppError } from "../../errors";

export type StripeCredentials = { secretKey: string; webhookSecret: string | null };

/** How this deployment reaches Stripe, and where Stripe sends people and events back to. */
export type BillingEnvironment = {
  stripe: StripeEnvironment;
  /** The public origin of this server: Checkout's return URLs and our webhook URLs start with it. */
  publicUrl: string;
  /** The platform's Stripe account for tenants without their own (`STRIPE_SECRET_KEY` / `STRIPE_WEBHOOK_SECRET`). */
  platformDefault: StripeCredentials | null;
};

export type BillingDeps = { db: Db; secrets: SecretBox; billing: BillingEnvironment; now: () => Date };

export const webhookUrlFor = (env: BillingEnvironment, tenantId: string) =>
  `${env.publicUrl}/api/webhooks/stripe/${tenantId}`;
export const platformWebhookUrl = (env: BillingEnvironment) => `${env.publicUrl}/api/webhooks/stripe/platform`;

/** Stripe failures in our vocabulary; the billing package's messages are already user-facing. */
export function toAppError(error: unknown, field?: string): unknown {
  if (!isBillingError(error)) return error;
  return fromBillingError(error, field);
}

function fromBillingError(error: BillingError, field?: string): AppError {
  switch (error.kind) {
    case "auth":
      return new AppError("BAD_REQUEST", error.message, { field, cause: error });
    case "not_found":
      return new AppError("NOT_FOUND", error.message, { cause: error });
    case "invalid":
      return new AppError("BAD_REQUEST", `Stripe refused the request: ${error.message}`, { cause: error });
    case "rate_limited":
      return new AppError("RATE_LIMITED", error.message, { retryAfterSeconds: 5, cause: error });
    default:
      return new AppError("UNAVAILABLE", error.message, { cause: error });
  }
}

/** Runs Stripe work and rethrows its failures as AppErrors. */
export async function withStripe<T>(work: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error, field);
  }
}
