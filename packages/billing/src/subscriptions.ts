import type Stripe from "stripe";
import { idOf } from "./checkout";
import { call, isNotFound } from "./errors";

export type SubscriptionSnapshot = {
  id: string;
  customerId: string;
  status: Stripe.Subscription.Status;
  priceId: string | null;
  productId: string | null;
  interval: "month" | "year" | null;
  /** What one period costs, in the currency's minor unit (price × quantity); null for metered prices. */
  amount: number | null;
  currency: string | null;
  /** The end of the period paid for: the latest among the items (they carry it in this API version). */
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  metadata: Record<string, string>;
};

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

export function toSnapshot(subscription: Stripe.Subscription): SubscriptionSnapshot {
  const items = subscription.items.data;
  const item = items[0];
  const periodEnd = Math.max(0, ...items.map((i) => i.current_period_end ?? 0));
  const interval: string | undefined = item?.price.recurring?.interval;
  return {
    id: subscription.id,
    customerId: idOf(subscription.customer) ?? "",
    status: subscription.status,
    priceId: item?.price.id ?? null,
    productId: item ? idOf(item.price.product) : null,
    interval: interval === "month" || interval === "year" ? interval : null,
    amount: item?.price.unit_amount != null ? item.price.unit_amount * (item.quantity ?? 1) : null,
    currency: item?.price.currency ?? null,
    currentPeriodEnd: new Date(periodEnd * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: fromUnix(subscription.canceled_at),
    endedAt: fromUnix(subscription.ended_at),
    metadata: subscription.metadata ?? {},
  };
}

/** The subscription as Stripe holds it now; null when Stripe does not know it. */
export async function readSubscription(stripe: Stripe, subscriptionId: string): Promise<SubscriptionSnapshot | null> {
  const subscription = await call(() => stripe.subscriptions.retrieve(subscriptionId)).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  return subscription ? toSnapshot(subscription) : null;
}

/** Cancel at the end of the period paid for (or undo that); access runs to the period's end. */
export async function setCancelAtPeriodEnd(stripe: Stripe, subscriptionId: string, cancel: boolean) {
  const subscription = await call(() => stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel }));
  return toSnapshot(subscription);
}

/** The subscription an invoice belongs to, in this API version's shape. */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription ?? null);
}
