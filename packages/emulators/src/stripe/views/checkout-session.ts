import type { Emulator } from "../context.ts";
import type { CheckoutSession, SessionLineItem } from "../types.ts";
import { checkoutPageUrl } from "../urls.ts";
import { priceView } from "./catalog.ts";
import { priceOf } from "./subscription.ts";

export function lineItemView(emu: Emulator, session: CheckoutSession, item: SessionLineItem) {
  const price = priceOf(emu, session.accountId, item.price);
  const product = emu.store.find("products", session.accountId, price.product);
  const amount = price.unitAmount * item.quantity;
  return {
    id: item.id,
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description: product?.name ?? null,
    metadata: {},
    price: priceView(price),
    quantity: item.quantity,
  };
}

export function checkoutSessionView(emu: Emulator, session: CheckoutSession) {
  const open = session.status === "open";
  return {
    id: session.id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: session.amountSubtotal,
    amount_total: session.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: session.cancelUrl,
    client_reference_id: session.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: session.created,
    currency: session.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: session.customer,
    customer_account: null,
    customer_creation: session.customer ? null : "always",
    customer_details: session.customerDetails
      ? {
          address: null,
          business_name: null,
          email: session.customerDetails.email,
          individual_name: null,
          name: session.customerDetails.name,
          phone: null,
          tax_exempt: "none",
          tax_ids: [],
        }
      : null,
    customer_email: session.customerEmail,
    discounts: [],
    expires_at: session.expiresAt,
    integration_identifier: null,
    invoice: session.invoice,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: session.metadata,
    mode: session.mode,
    origin_context: null,
    payment_intent: session.paymentIntent,
    payment_link: null,
    payment_method_collection: session.mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    payment_status: session.paymentStatus,
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: session.status,
    submit_type: null,
    subscription: session.subscription,
    success_url: session.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    // Stripe clears the URL once the session is complete or expired.
    url: open ? checkoutPageUrl(emu.baseUrl, session.id) : null,
    wallet_options: null,
  };
}
