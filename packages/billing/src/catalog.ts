import type Stripe from "stripe";
import { call, isNotFound } from "./errors";

export type Interval = "month" | "year";
export type PriceSpec = { unitAmount: number; currency: string; interval: Interval | null };
type Metadata = Record<string, string>;

/** Creates the product, or brings its name and description up to date. Returns its id. */
export async function upsertProduct(
  stripe: Stripe,
  input: { productId: string | null; name: string; description: string; metadata: Metadata },
  idempotencyKey?: string,
): Promise<string> {
  return call(async () => {
    if (input.productId) {
      // Stripe rejects an empty description on create; on update an empty string clears it.
      await stripe.products.update(input.productId, {
        name: input.name,
        description: input.description,
        metadata: input.metadata,
        active: true,
      });
      return input.productId;
    }
    const product = await stripe.products.create(
      {
        name: input.name,
        ...(input.description ? { description: input.description } : {}),
        metadata: input.metadata,
      },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
    return product.id;
  });
}

/**
 * The price to sell at. Stripe prices are immutable: when the amount, currency or
 * interval changed, a new price is created and the old one retired (subscribers on it
 * keep paying what they signed up for). Returns the id to use.
 */
export async function ensurePrice(
  stripe: Stripe,
  input: { productId: string; currentPriceId: string | null; spec: PriceSpec; metadata: Metadata },
  idempotencyKey?: string,
): Promise<string> {
  return call(async () => {
    if (input.currentPriceId) {
      const current = await stripe.prices.retrieve(input.currentPriceId).catch(() => null);
      if (current?.active && matches(current, input.spec, input.productId)) return current.id;
    }
    const price = await stripe.prices.create(
      {
        product: input.productId,
        unit_amount: input.spec.unitAmount,
        currency: input.spec.currency,
        ...(input.spec.interval ? { recurring: { interval: input.spec.interval } } : {}),
        metadata: input.metadata,
      },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
    if (input.currentPriceId) await retirePrice(stripe, input.currentPriceId);
    return price.id;
  });
}

function matches(price: Stripe.Price, spec: PriceSpec, productId: string): boolean {
  const product = typeof price.product === "string" ? price.product : price.product.id;
  return (
    product === productId &&
    price.unit_amount === spec.unitAmount &&
    price.currency === spec.currency.toLowerCase() &&
    (price.recurring?.interval ?? null) === spec.interval
  );
}

/** Stops a price from being sold; existing subscriptions on it go on. A missing price is already retired. */
export async function retirePrice(stripe: Stripe, priceId: string): Promise<void> {
  await call(() => stripe.prices.update(priceId, { active: false })).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}

/** Takes a product off sale (its prices are retired by the caller). */
export async function archiveProduct(stripe: Stripe, productId: string): Promise<void> {
  await call(() => stripe.products.update(productId, { active: false })).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}
