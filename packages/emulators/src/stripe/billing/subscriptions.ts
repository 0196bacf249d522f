import type { Emulator } from "../context.ts";
import { changedFields, type EmitOptions, emit } from "../events.ts";
import type { ApiObject, Price, Subscription } from "../types.ts";
import { subscriptionView } from "../views/subscription.ts";

export function recurringOf(price: Price): NonNullable<Price["recurring"]> {
  // Checkout and subscription updates accept recurring prices only, so this never fires for stored subscriptions.
  if (!price.recurring) throw new Error(`Price ${price.id} is not recurring`);
  return price.recurring;
}

/**
 * Emits `customer.subscription.updated` with the fields changed since `before` (a view taken before the change),
 * as every update path does: API, portal, renewals. Nothing is emitted when nothing changed.
 */
export function notifyUpdated(emu: Emulator, subscription: Subscription, before: ApiObject, options: EmitOptions = {}) {
  const after = subscriptionView(emu, subscription);
  const previous = changedFields(before, after);
  emu.store.changed();
  if (previous) emit(emu, subscription.accountId, "customer.subscription.updated", after, { ...options, previous });
}

export function setCancelAtPeriodEnd(subscription: Subscription, cancel: boolean, at: number) {
  if (subscription.cancelAtPeriodEnd === cancel) return;
  subscription.cancelAtPeriodEnd = cancel;
  subscription.cancelAt = cancel ? periodEnd(subscription) : null;
  subscription.canceledAt = cancel ? at : null;
  subscription.cancellationReason = cancel ? "cancellation_requested" : null;
}

/** Swaps an item's price in place; the period is kept and nothing is prorated. */
export function changeItemPrice(subscription: Subscription, itemId: string, price: Price) {
  const item = subscription.items.find((i) => i.id === itemId);
  if (item) item.price = price.id;
}

/** Ends the subscription now; `canceledAt` stays the request time when it was scheduled earlier. */
export function endSubscription(
  emu: Emulator,
  subscription: Subscription,
  end: { at: number; reason: Subscription["cancellationReason"]; canceledAt?: number },
  options: EmitOptions = {},
) {
  subscription.status = "canceled";
  subscription.endedAt = end.at;
  subscription.canceledAt = end.canceledAt ?? end.at;
  subscription.cancellationReason = end.reason;
  emu.store.changed();
  const view = subscriptionView(emu, subscription);
  emit(emu, subscription.accountId, "customer.subscription.deleted", view, { at: end.at, ...options });
}

export const periodEnd = (subscription: Subscription) =>
  Math.min(...subscription.items.map((item) => item.currentPeriodEnd));
