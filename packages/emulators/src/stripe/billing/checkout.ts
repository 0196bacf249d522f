import type { Emulator } from "../context.ts";
import { type EmitOptions, emit } from "../events.ts";
import { newId, randomAlnum } from "../ids.ts";
import type { CheckoutSession, Customer, PaymentIntent, Subscription } from "../types.ts";
import { checkoutSessionView } from "../views/checkout-session.ts";
import { invoiceView } from "../views/invoice.ts";
import { paymentIntentView } from "../views/payment-intent.ts";
import { priceOf, subscriptionView } from "../views/subscription.ts";
import { createCustomer } from "./customers.ts";
import { createInvoice } from "./invoices.ts";
import { days, shift } from "./periods.ts";
import { recurringOf } from "./subscriptions.ts";

export type Payer = { email: string; name: string | null };

function startSubscription(emu: Emulator, session: CheckoutSession, customer: Customer, at: number) {
  const trialDays = session.subscriptionData.trialPeriodDays;
  const trialEnd = trialDays ? at + days(trialDays) : null;
  const subscription: Subscription = {
    id: newId("sub"),
    accountId: session.accountId,
    customer: customer.id,
    status: trialEnd ? "trialing" : "active",
    items: session.lineItems.map((line) => ({
      id: newId("si"),
      price: line.price,
      quantity: line.quantity,
      metadata: {},
      created: at,
      currentPeriodStart: at,
      currentPeriodEnd: trialEnd ?? shift(at, recurringOf(priceOf(emu, session.accountId, line.price)), 1),
    })),
    currency: session.currency,
    description: session.subscriptionData.description,
    metadata: { ...session.subscriptionData.metadata },
    created: at,
    startDate: at,
    billingCycleAnchor: trialEnd ?? at,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    canceledAt: null,
    endedAt: null,
    cancellationReason: null,
    trialStart: trialEnd ? at : null,
    trialEnd,
    latestInvoice: null,
    failNextRenewal: false,
    pastDueSince: null,
  };
  emu.store.state.subscriptions.push(subscription);
  // No invoice during a trial; otherwise the first period is paid now.
  const invoice = trialEnd ? null : createInvoice(emu, subscription, { reason: "subscription_create", paid: true, at });
  return { subscription, invoice };
}

function createPaymentIntent(emu: Emulator, session: CheckoutSession, customer: Customer, at: number) {
  const id = newId("pi");
  const intent: PaymentIntent = {
    id,
    accountId: session.accountId,
    amount: session.amountTotal,
    currency: session.currency,
    customer: customer.id,
    status: "succeeded",
    description: session.paymentIntentData.description,
    receiptEmail: null,
    metadata: { ...session.paymentIntentData.metadata },
    clientSecret: `${id}_secret_${randomAlnum(25)}`,
    created: at,
  };
  emu.store.state.paymentIntents.push(intent);
  return intent;
}

/**
 * A successful payment on the hosted page: the customer (if the session had none), the subscription and its paid
 * invoice or the payment intent, then the session completes. Events follow Stripe's order.
 */
export function completeCheckout(emu: Emulator, session: CheckoutSession, payer: Payer) {
  const at = emu.clock.unix();
  const options: EmitOptions = { at };
  const existing = session.customer ? emu.store.find("customers", session.accountId, session.customer) : undefined;
  const customer =
    existing ?? createCustomer(emu, session.accountId, { email: payer.email, name: payer.name }, options);
  session.customer = customer.id;
  session.customerDetails = { email: payer.email, name: payer.name ?? customer.name };
  if (session.mode === "subscription") {
    const { subscription, invoice } = startSubscription(emu, session, customer, at);
    session.subscription = subscription.id;
    session.invoice = invoice?.id ?? null;
    session.paymentStatus = invoice ? "paid" : "no_payment_required";
    emit(emu, session.accountId, "customer.subscription.created", subscriptionView(emu, subscription), options);
    if (invoice) emit(emu, session.accountId, "invoice.paid", invoiceView(emu, invoice), options);
  } else {
    const intent = createPaymentIntent(emu, session, customer, at);
    session.paymentIntent = intent.id;
    session.paymentStatus = "paid";
    emit(emu, session.accountId, "payment_intent.succeeded", paymentIntentView(intent), options);
  }
  session.status = "complete";
  emit(emu, session.accountId, "checkout.session.completed", checkoutSessionView(emu, session), options);
}

export function expireSession(emu: Emulator, session: CheckoutSession, options: EmitOptions = {}) {
  session.status = "expired";
  emit(emu, session.accountId, "checkout.session.expired", checkoutSessionView(emu, session), options);
}
