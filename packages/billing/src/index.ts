export { deleteWebhookEndpoint, readAccount, registerWebhookEndpoint } from "./account";
export { archiveProduct, ensurePrice, type Interval, type PriceSpec, retirePrice, upsertProduct } from "./catalog";
export {
  type CheckoutInput,
  type CheckoutSnapshot,
  createCheckoutSession,
  createCustomer,
  createPortalSession,
  customerExists,
  idOf,
  readCheckoutSession,
} from "./checkout";
export { type Stripe, type StripeEnvironment, stripeClient } from "./client";
export { BillingError, type BillingErrorKind, call, isBillingError, isNotFound, toBillingError } from "./errors";
export {
  readSubscription,
  type SubscriptionSnapshot,
  setCancelAtPeriodEnd,
  subscriptionOfInvoice,
  toSnapshot,
} from "./subscriptions";
export { type ParsedWebhook, parseWebhook, signPayload, WEBHOOK_TOLERANCE_SECONDS } from "./webhooks";
