import type { Emulator } from "../context.ts";
import { emit } from "../events.ts";
import type { Subscription } from "../types.ts";
import { invoiceView } from "../views/invoice.ts";
import { priceOf, subscriptionView } from "../views/subscription.ts";
import { createInvoice } from "./invoices.ts";
import { days, nextBoundary, shift } from "./periods.ts";
import { endSubscription, notifyUpdated, periodEnd, recurringOf } from "./subscriptions.ts";

/** How long a `past_due` subscription waits for its open invoice before it is canceled. */
const PAST_DUE_GRACE = days(14);

/**
 * A period ended at `at`: move every item to its next period and bill it. A trial ending is a renewal too. When the
 * payment was set to fail, the invoice stays open and the subscription goes `past_due`, as Stripe does.
 */
export function renew(emu: Emulator, subscription: Subscription, at: number) {
  const before = subscriptionView(emu, subscription);
  const first = subscription.items[0];
  const previousPeriod: [number, number] = [first?.currentPeriodStart ?? at, first?.currentPeriodEnd ?? at];
  for (const item of subscription.items) {
    const recurring = recurringOf(priceOf(emu, subscription.accountId, item.price));
    item.currentPeriodStart = item.currentPeriodEnd;
    item.currentPeriodEnd = nextBoundary(subscription.billingCycleAnchor, recurring, item.currentPeriodStart);
  }
  const failing = subscription.failNextRenewal;
  subscription.failNextRenewal = false;
  const invoice = createInvoice(emu, subscription, {
    reason: "subscription_cycle",
    paid: !failing,
    at,
    previousPeriod,
  });
  subscription.status = failing ? "past_due" : "active";
  subscription.pastDueSince = failing ? previousPeriod[1] : null;
  emit(emu, subscription.accountId, failing ? "invoice.payment_failed" : "invoice.paid", invoiceView(emu, invoice), {
    at,
  });
  notifyUpdated(emu, subscription, before, { at });
}

/** The customer paid the open invoice of a `past_due` subscription: active again, with a new period from now. */
export function payOpenInvoice(emu: Emulator, subscription: Subscription) {
  const invoice = subscription.latestInvoice
    ? emu.store.find("invoices", subscription.accountId, subscription.latestInvoice)
    : undefined;
  if (subscription.status !== "past_due" || invoice?.status !== "open") {
    throw new Error(`Subscription ${subscription.id} has no open invoice to pay (status ${subscription.status})`);
  }
  const at = emu.clock.unix();
  const before = subscriptionView(emu, subscription);
  invoice.status = "paid";
  invoice.amountPaid = invoice.total;
  invoice.attemptCount += 1;
  invoice.paidAt = at;
  subscription.status = "active";
  subscription.pastDueSince = null;
  subscription.billingCycleAnchor = at;
  for (const item of subscription.items) {
    item.currentPeriodStart = at;
    item.currentPeriodEnd = shift(at, recurringOf(priceOf(emu, subscription.accountId, item.price)), 1);
  }
  emit(emu, subscription.accountId, "invoice.paid", invoiceView(emu, invoice), { at });
  notifyUpdated(emu, subscription, before, { at });
}

type Due = { at: number; run: () => void };

/** The next thing that happens to the subscription on its own, if any. */
export function nextDue(emu: Emulator, subscription: Subscription): Due | null {
  if (subscription.status === "canceled" || subscription.status === "incomplete") return null;
  if (subscription.status === "past_due") {
    const at = (subscription.pastDueSince ?? periodEnd(subscription)) + PAST_DUE_GRACE;
    return { at, run: () => endSubscription(emu, subscription, { at, reason: "payment_failed" }) };
  }
  const at = periodEnd(subscription);
  if (subscription.cancelAtPeriodEnd) {
    const canceledAt = subscription.canceledAt ?? at;
    return { at, run: () => endSubscription(emu, subscription, { at, reason: "cancellation_requested", canceledAt }) };
  }
  return { at, run: () => renew(emu, subscription, at) };
}
