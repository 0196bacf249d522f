import type { Emulator } from "../context.ts";
import { describeLine } from "../format.ts";
import { newId } from "../ids.ts";
import type { Invoice, Subscription } from "../types.ts";
import { priceOf } from "../views/subscription.ts";

/**
 * The invoice for the subscription's current item periods, paid or left open. Like Stripe, a cycle invoice's own
 * `period_start/end` cover the period that just ended; the lines carry the period being billed.
 */
export function createInvoice(
  emu: Emulator,
  subscription: Subscription,
  options: { reason: Invoice["billingReason"]; paid: boolean; at: number; previousPeriod?: [number, number] },
): Invoice {
  const customer = emu.store.find("customers", subscription.accountId, subscription.customer);
  const id = newId("in");
  const lines = subscription.items.map((item) => {
    const price = priceOf(emu, subscription.accountId, item.price);
    return {
      id: newId("il"),
      price: price.id,
      quantity: item.quantity,
      amount: price.unitAmount * item.quantity,
      description: describeLine(emu, price, item.quantity),
      subscriptionItem: item.id,
      periodStart: item.currentPeriodStart,
      periodEnd: item.currentPeriodEnd,
    };
  });
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const sequence = customer ? customer.nextInvoiceSequence++ : 1;
  const [periodStart, periodEnd] = options.previousPeriod ?? [options.at, options.at];
  const invoice: Invoice = {
    id,
    accountId: subscription.accountId,
    customer: subscription.customer,
    subscription: subscription.id,
    subscriptionMetadata: { ...subscription.metadata },
    number: `${customer?.invoicePrefix ?? "EMU00000"}-${String(sequence).padStart(4, "0")}`,
    status: options.paid ? "paid" : "open",
    billingReason: options.reason,
    currency: subscription.currency,
    total,
    amountPaid: options.paid ? total : 0,
    attemptCount: 1,
    customerEmail: customer?.email ?? null,
    customerName: customer?.name ?? null,
    lines,
    periodStart,
    periodEnd,
    created: options.at,
    paidAt: options.paid ? options.at : null,
  };
  emu.store.state.invoices.push(invoice);
  subscription.latestInvoice = invoice.id;
  return invoice;
}
