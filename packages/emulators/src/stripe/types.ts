/** Stored records. The API objects are built from them by `views/`, so the state file stays small and stable. */
export type Metadata = Record<string, string>;

export type Interval = "day" | "week" | "month" | "year";

export type Account = {
  id: string;
  secretKeys: string[];
  publishableKey: string;
  displayName: string;
  created: number;
  portalConfiguration: string;
};

export type Product = {
  id: string;
  accountId: string;
  name: string;
  description: string | null;
  active: boolean;
  defaultPrice: string | null;
  metadata: Metadata;
  created: number;
  updated: number;
};

export type Price = {
  id: string;
  accountId: string;
  product: string;
  unitAmount: number;
  currency: string;
  recurring: { interval: Interval; intervalCount: number } | null;
  active: boolean;
  nickname: string | null;
  lookupKey: string | null;
  metadata: Metadata;
  created: number;
};

export type Customer = {
  id: string;
  accountId: string;
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Metadata;
  invoicePrefix: string;
  nextInvoiceSequence: number;
  created: number;
  deleted: boolean;
};

export type SessionLineItem = { id: string; price: string; quantity: number };

export type CheckoutSession = {
  id: string;
  accountId: string;
  mode: "payment" | "subscription";
  status: "open" | "complete" | "expired";
  paymentStatus: "unpaid" | "paid" | "no_payment_required";
  lineItems: SessionLineItem[];
  currency: string;
  amountSubtotal: number;
  amountTotal: number;
  customer: string | null;
  customerEmail: string | null;
  customerDetails: { email: string; name: string | null } | null;
  clientReferenceId: string | null;
  metadata: Metadata;
  subscriptionData: { metadata: Metadata; trialPeriodDays: number | null; description: string | null };
  paymentIntentData: { metadata: Metadata; description: string | null };
  successUrl: string | null;
  cancelUrl: string | null;
  subscription: string | null;
  paymentIntent: string | null;
  invoice: string | null;
  created: number;
  expiresAt: number;
};

export type SubscriptionStatus = "trialing" | "active" | "past_due" | "canceled" | "incomplete";

export type SubscriptionItem = {
  id: string;
  price: string;
  quantity: number;
  metadata: Metadata;
  created: number;
  currentPeriodStart: number;
  currentPeriodEnd: number;
};

export type Subscription = {
  id: string;
  accountId: string;
  customer: string;
  status: SubscriptionStatus;
  items: SubscriptionItem[];
  currency: string;
  description: string | null;
  metadata: Metadata;
  created: number;
  startDate: number;
  billingCycleAnchor: number;
  cancelAtPeriodEnd: boolean;
  cancelAt: number | null;
  canceledAt: number | null;
  endedAt: number | null;
  cancellationReason: "cancellation_requested" | "payment_failed" | null;
  trialStart: number | null;
  trialEnd: number | null;
  latestInvoice: string | null;
  /** Set by the control API: the next renewal's payment fails. */
  failNextRenewal: boolean;
  /** End of the last paid period while `past_due`; the subscription is canceled 14 days later. */
  pastDueSince: number | null;
};

export type InvoiceLine = {
  id: string;
  price: string;
  quantity: number;
  amount: number;
  description: string;
  subscriptionItem: string | null;
  periodStart: number;
  periodEnd: number;
};

export type Invoice = {
  id: string;
  accountId: string;
  customer: string;
  subscription: string | null;
  subscriptionMetadata: Metadata;
  number: string;
  status: "open" | "paid";
  billingReason: "subscription_create" | "subscription_cycle";
  currency: string;
  total: number;
  amountPaid: number;
  attemptCount: number;
  customerEmail: string | null;
  customerName: string | null;
  lines: InvoiceLine[];
  periodStart: number;
  periodEnd: number;
  created: number;
  paidAt: number | null;
};

export type PaymentIntent = {
  id: string;
  accountId: string;
  amount: number;
  currency: string;
  customer: string | null;
  status: "succeeded";
  description: string | null;
  receiptEmail: string | null;
  metadata: Metadata;
  clientSecret: string;
  created: number;
};

export type PortalSession = {
  id: string;
  accountId: string;
  customer: string;
  returnUrl: string | null;
  created: number;
};

export type WebhookEndpoint = {
  id: string;
  accountId: string;
  url: string;
  enabledEvents: string[];
  description: string | null;
  metadata: Metadata;
  secret: string;
  status: "enabled" | "disabled";
  apiVersion: string | null;
  created: number;
};

export type EventRequest = { id: string | null; idempotency_key: string | null };

export type ApiObject = Record<string, unknown>;

/** Exactly the JSON of a Stripe event, as sent to webhooks and returned by `/v1/events`. */
export type StripeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: ApiObject; previous_attributes?: ApiObject };
  livemode: false;
  pending_webhooks: number;
  request: EventRequest;
  type: string;
};

export type StoredEvent = { id: string; accountId: string; event: StripeEvent };

export type State = {
  /** Seconds the emulator's clock runs ahead of the wall clock (`clock.advance`). */
  clockOffsetSeconds: number;
  accounts: Account[];
  products: Product[];
  prices: Price[];
  customers: Customer[];
  checkoutSessions: CheckoutSession[];
  subscriptions: Subscription[];
  invoices: Invoice[];
  paymentIntents: PaymentIntent[];
  portalSessions: PortalSession[];
  webhookEndpoints: WebhookEndpoint[];
  events: StoredEvent[];
};

export type Collections = Omit<State, "clockOffsetSeconds" | "accounts">;
export type Kind = keyof Collections;
