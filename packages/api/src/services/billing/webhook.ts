import {
  type CheckoutSnapshot,
  parseWebhook,
  readCheckoutSession,
  type Stripe,
  subscriptionOfInvoice,
} from "@marquee/billing";
import { type DbOrTx, memberships, stripeConnections, tokenPacks, webhookEvents } from "@marquee/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { WebhookOutcome } from "../cloudflare/webhook";
import { resolveTenantStripe, type TenantStripe } from "./connections";
import type { BillingDeps } from "./environment";
import { syncSubscription } from "./subscriptions";
import { creditTokens } from "./wallet";

export type StripeWebhookInput = {
  /** A tenant id, or "platform" for the platform default account's endpoint. */
  route: string;
  signatureHeader: string | null;
  rawBody: string;
};

/**
 * Stripe's webhook: verify `Stripe-Signature` on the raw body with the secret of the
 * account the route names, store the event, then act on it. Acting means re-reading
 * the object from Stripe (a subscription, a checkout session): events may come late,
 * twice or out of order, and the payload is only a hint. Every effect is idempotent
 * (a sync converges, a credit is unique per checkout session), so a repeat is harmless;
 * a failure is answered 500 and Stripe retries.
 */
export async function handleStripeWebhook(deps: BillingDeps, input: StripeWebhookInput): Promise<WebhookOutcome> {
  const platform = input.route === "platform";
  if (!platform && !z.uuid().safeParse(input.route).success) return { status: 404, reason: "unknown endpoint" };
  const secret = platform
    ? (deps.billing.platformDefault?.webhookSecret ?? null)
    : (await resolveTenantStripe(deps, input.route))?.webhookSecret;
  if (!secret) return { status: 404, reason: "unknown endpoint" };

  const parsed = await parseWebhook({
    rawBody: input.rawBody,
    signatureHeader: input.signatureHeader,
    secret,
    now: deps.now(),
  });
  if (!parsed.ok) return { status: parsed.reason.startsWith("body") ? 400 : 401, reason: parsed.reason };
  const event = parsed.event;

  const tenantId = platform ? await platformTenantOf(deps.db, event) : input.route;
  if (!tenantId) return { status: 200, result: "ignored" };
  const stripe = await resolveTenantStripe(deps, tenantId);
  // The platform endpoint speaks only for tenants that use the platform account.
  if (!stripe || (platform && stripe.source !== "platform")) return { status: 200, result: "ignored" };

  const eventKey = `${tenantId}:${event.id}`;
  const [stored] = await deps.db
    .insert(webhookEvents)
    .values({
      provider: "stripe",
      eventKey,
      sourceId: input.route,
      tenantId,
      type: event.type,
      payload: JSON.parse(input.rawBody) as unknown,
      attempts: 1,
    })
    .onConflictDoUpdate({
      target: [webhookEvents.provider, webhookEvents.eventKey],
      set: { attempts: sql`${webhookEvents.attempts} + 1` },
    })
    .returning({ id: webhookEvents.id, processedAt: webhookEvents.processedAt });
  if (stored?.processedAt) return { status: 200, result: "duplicate" };

  try {
    const result = await applyEvent(deps, stripe, tenantId, event);
    await deps.db
      .update(webhookEvents)
      .set({ processedAt: deps.now(), lastError: null })
      .where(
        and(
          eq(webhookEvents.provider, "stripe"),
          eq(webhookEvents.eventKey, eventKey),
          isNull(webhookEvents.processedAt),
        ),
      );
    return { status: 200, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db
      .update(webhookEvents)
      .set({ lastError: message.slice(0, 1000) })
      .where(and(eq(webhookEvents.provider, "stripe"), eq(webhookEvents.eventKey, eventKey)));
    return { status: 500, reason: "could not apply the event" };
  }
}

async function applyEvent(
  deps: BillingDeps,
  stripe: TenantStripe,
  tenantId: string,
  event: Stripe.Event,
): Promise<"processed" | "ignored"> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = await readCheckoutSession(stripe.client, event.data.object.id);
      if (!session || session.metadata.marquee_tenant_id !== tenantId) return "ignored";
      if (session.mode === "payment")
        return (await creditPackPurchase(deps, tenantId, session)) ? "processed" : "ignored";
      if (session.subscriptionId) {
        const result = await syncSubscription(deps, stripe, tenantId, session.subscriptionId);
        return result.applied ? "processed" : "ignored";
      }
      return "ignored";
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
    case "customer.subscription.paused":
    case "customer.subscription.resumed": {
      const result = await syncSubscription(deps, stripe, tenantId, event.data.object.id);
      return result.applied ? "processed" : "ignored";
    }
    case "invoice.paid":
    case "invoice.payment_failed":
    case "invoice.payment_succeeded": {
      const subscriptionId = subscriptionOfInvoice(event.data.object);
      if (!subscriptionId) return "ignored";
      const result = await syncSubscription(deps, stripe, tenantId, subscriptionId);
      return result.applied ? "processed" : "ignored";
    }
    default:
      return "ignored";
  }
}

/**
 * Credits a paid token-pack checkout to the member who bought it, once per session:
 * the ledger's unique reference (the session id) absorbs every repeat. The session must
 * be this tenant's and the buyer a member of it.
 */
export async function creditPackPurchase(
  deps: { db: DbOrTx },
  tenantId: string,
  session: CheckoutSnapshot,
): Promise<boolean> {
  const { metadata } = session;
  if (session.mode !== "payment" || !session.paid || session.status !== "complete") return false;
  if (metadata.marquee_tenant_id !== tenantId || metadata.marquee_kind !== "pack") return false;
  const userId = metadata.marquee_user_id ?? "";
  const tokens = Number(metadata.marquee_tokens);
  if (!z.uuid().safeParse(userId).success || !Number.isInteger(tokens) || tokens <= 0) return false;
  const [member] = await deps.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  if (!member) return false;
  const packId = metadata.marquee_pack_id ?? "";
  const [pack] = z.uuid().safeParse(packId).success
    ? await deps.db
        .select({ name: tokenPacks.name })
        .from(tokenPacks)
        .where(and(eq(tokenPacks.id, packId), eq(tokenPacks.tenantId, tenantId)))
    : [];
  await creditTokens(deps.db, {
    tenantId,
    userId,
    amount: tokens,
    reason: "purchase",
    reference: session.id,
    note: pack?.name ?? `${tokens} tokens`,
    amountCents: session.amountTotal,
    currency: session.currency,
  });
  return true;
}

/** On the platform endpoint, the tenant is named by the metadata we put on everything we create. */
async function platformTenantOf(db: DbOrTx, event: Stripe.Event): Promise<string | null> {
  type Tagged = { metadata?: Record<string, string> | null };
  const object = event.data.object as Tagged & { parent?: { subscription_details?: Tagged | null } | null };
  // Invoices carry their subscription's metadata under parent.subscription_details.
  const tenantId =
    object.metadata?.marquee_tenant_id ?? object.parent?.subscription_details?.metadata?.marquee_tenant_id;
  if (!tenantId || !z.uuid().safeParse(tenantId).success) return null;
  // A tenant with its own Stripe account does not take events from the platform's.
  const [own] = await db
    .select({ id: stripeConnections.id })
    .from(stripeConnections)
    .where(and(eq(stripeConnections.tenantId, tenantId), sql`${stripeConnections.secretKeySealed} is not null`));
  return own ? null : tenantId;
}
