import {
  createCheckoutSession,
  createPortalSession,
  readCheckoutSession,
  setCancelAtPeriodEnd,
} from "@marquee/billing";
import { type DbOrTx, subscriptions, tenants, tiers, tokenLedger, tokenPacks, users } from "@marquee/db";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { AppError } from "../../errors";
import { ensurePackPrice, ensureTierPrice, LIVE_STATUSES } from "./catalog";
import { requireTenantStripe, resolveTenantStripe } from "./connections";
import { ensureCustomer, findCustomer } from "./customers";
import { type BillingDeps, withStripe } from "./environment";
import { applySubscriptionSnapshot, syncSubscription } from "./subscriptions";
import { balanceOf } from "./wallet";
import { creditPackPurchase } from "./webhook";

/** A member acting on their own billing in one tenant. */
export type MemberDeps = BillingDeps & { tenant: { id: string; slug: string }; userId: string };

/**
 * The member's subscription to show: the best one that still grants access, else the
 * most recent. With the tier, the period and the grace period when a payment failed.
 */
export async function currentSubscription(db: DbOrTx, tenantId: string, userId: string) {
  const [row] = await db
    .select({
      id: subscriptions.id,
      stripeSubscriptionId: subscriptions.stripeSubscriptionId,
      status: subscriptions.status,
      interval: subscriptions.interval,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      endedAt: subscriptions.endedAt,
      graceEndsAt: sql<Date | null>`case when ${subscriptions.status} = 'past_due'
        then ${subscriptions.pastDueSince} + make_interval(days => ${tenants.pastDueGraceDays}) end`.mapWith(
        (value: string | Date | null) => (value === null ? null : new Date(value)),
      ),
      tier: {
        id: tiers.id,
        name: tiers.name,
        rank: tiers.rank,
        currency: tiers.currency,
        monthlyPriceCents: tiers.monthlyPriceCents,
        yearlyPriceCents: tiers.yearlyPriceCents,
        archived: sql<boolean>`${tiers.archivedAt} is not null`,
      },
    })
    .from(subscriptions)
    .innerJoin(tiers, eq(tiers.id, subscriptions.tierId))
    .innerJoin(tenants, eq(tenants.id, subscriptions.tenantId))
    .where(and(eq(subscriptions.tenantId, tenantId), eq(subscriptions.userId, userId)))
    .orderBy(
      sql`case when ${subscriptions.status} in ('active', 'trialing', 'past_due') then 0 else 1 end`,
      desc(tiers.rank),
      desc(subscriptions.updatedAt),
    )
    .limit(1);
  if (!row) return null;
  const live = (LIVE_STATUSES as readonly string[]).includes(row.status);
  const { stripeSubscriptionId: _, ...rest } = row;
  return { ...rest, live };
}

export async function billingOverview(deps: MemberDeps) {
  const [subscription, balance, stripe] = await Promise.all([
    currentSubscription(deps.db, deps.tenant.id, deps.userId),
    balanceOf(deps.db, { tenantId: deps.tenant.id, userId: deps.userId }),
    resolveTenantStripe(deps, deps.tenant.id),
  ]);
  const customer = stripe ? await findCustomer(deps.db, stripe, deps.tenant.id, deps.userId) : null;
  return { subscription, balance, paymentsEnabled: stripe !== null, canManage: customer !== null };
}

async function memberProfile(db: DbOrTx, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in again to continue.");
  return user;
}

const portalUrl = (deps: MemberDeps, path: string) => `${deps.billing.publicUrl}/${deps.tenant.slug}${path}`;

/** Starts Checkout for a tier; the member pays on Stripe's page and comes back to the return page. */
export async function startSubscriptionCheckout(
  deps: MemberDeps,
  input: { tierId: string; interval: "month" | "year" },
) {
  const [tier] = await deps.db
    .select()
    .from(tiers)
    .where(and(eq(tiers.id, input.tierId), eq(tiers.tenantId, deps.tenant.id), isNull(tiers.archivedAt)));
  if (!tier) throw new AppError("NOT_FOUND", "This plan is no longer offered.");
  const current = await currentSubscription(deps.db, deps.tenant.id, deps.userId);
  if (current?.live) {
    throw new AppError(
      "CONFLICT",
      `You already subscribe to ${current.tier.name}. Change or cancel your plan under Account → Billing.`,
    );
  }
  const stripe = await requireTenantStripe(deps, deps.tenant.id);
  return withStripe(async () => {
    const priceId = await ensureTierPrice(deps, stripe, tier.id, input.interval);
    if (!priceId) {
      throw new AppError(
        "BAD_REQUEST",
        `${tier.name} is not offered ${input.interval === "month" ? "monthly" : "yearly"}.`,
        {
          field: "interval",
        },
      );
    }
    const customerId = await ensureCustomer(deps.db, stripe, deps.tenant.id, await memberProfile(deps.db, deps.userId));
    return createCheckoutSession(stripe.client, {
      mode: "subscription",
      customerId,
      priceId,
      successUrl: portalUrl(deps, "/billing/return?session_id={CHECKOUT_SESSION_ID}"),
      cancelUrl: portalUrl(deps, "/pricing?checkout=cancelled"),
      clientReferenceId: deps.userId,
      metadata: {
        marquee_tenant_id: deps.tenant.id,
        marquee_user_id: deps.userId,
        marquee_kind: "subscription",
        marquee_tier_id: tier.id,
      },
    });
  });
}

/** Starts Checkout for a token pack; the tokens are credited when Stripe reports the payment. */
export async function startPackCheckout(deps: MemberDeps, input: { packId: string }) {
  const [pack] = await deps.db
    .select({ id: tokenPacks.id })
    .from(tokenPacks)
    .where(
      and(eq(tokenPacks.id, input.packId), eq(tokenPacks.tenantId, deps.tenant.id), isNull(tokenPacks.archivedAt)),
    );
  if (!pack) throw new AppError("NOT_FOUND", "This token pack is no longer offered.");
  const stripe = await requireTenantStripe(deps, deps.tenant.id);
  return withStripe(async () => {
    const { pack: current, priceId } = await ensurePackPrice(deps, stripe, pack.id);
    const customerId = await ensureCustomer(deps.db, stripe, deps.tenant.id, await memberProfile(deps.db, deps.userId));
    return createCheckoutSession(stripe.client, {
      mode: "payment",
      customerId,
      priceId,
      successUrl: portalUrl(deps, "/account/tokens?session_id={CHECKOUT_SESSION_ID}"),
      cancelUrl: portalUrl(deps, "/account/tokens?checkout=cancelled"),
      clientReferenceId: deps.userId,
      metadata: {
        marquee_tenant_id: deps.tenant.id,
        marquee_user_id: deps.userId,
        marquee_kind: "pack",
        marquee_pack_id: current.id,
        marquee_tokens: String(current.tokens),
      },
    });
  });
}

export type CheckoutStatus =
  | { state: "open" | "expired" }
  | { state: "processing"; kind: "subscription" | "pack" }
  | { state: "complete"; kind: "subscription"; tier: { id: string; name: string } }
  | { state: "complete"; kind: "pack"; tokens: number; balance: number };

/**
 * Where a member's checkout stands, for the return page. "complete" means our side has
 * it (the webhook arrived). `reconcile` asks us to fetch the result ourselves instead of
 * waiting longer: the page sets it when the webhook is slow.
 */
export async function checkoutStatus(
  deps: MemberDeps,
  input: { sessionId: string; reconcile: boolean },
): Promise<CheckoutStatus> {
  const stripe = await requireTenantStripe(deps, deps.tenant.id);
  const session = await withStripe(() => readCheckoutSession(stripe.client, input.sessionId));
  const mine =
    session &&
    session.metadata.marquee_tenant_id === deps.tenant.id &&
    session.metadata.marquee_user_id === deps.userId;
  if (!session || !mine) throw new AppError("NOT_FOUND", "We could not find this checkout.");
  if (session.status !== "complete") return { state: session.status === "expired" ? "expired" : "open" };
  const kind = session.metadata.marquee_kind === "pack" ? ("pack" as const) : ("subscription" as const);

  if (kind === "pack") {
    const [entry] = await deps.db
      .select({ delta: tokenLedger.delta })
      .from(tokenLedger)
      .where(
        and(
          eq(tokenLedger.tenantId, deps.tenant.id),
          eq(tokenLedger.reason, "purchase"),
          eq(tokenLedger.reference, session.id),
        ),
      );
    if (entry) {
      const balance = await balanceOf(deps.db, { tenantId: deps.tenant.id, userId: deps.userId });
      return { state: "complete", kind, tokens: entry.delta, balance };
    }
    if (input.reconcile && session.paid) {
      await creditPackPurchase(deps, deps.tenant.id, session);
      return checkoutStatus(deps, { ...input, reconcile: false });
    }
    return { state: "processing", kind };
  }

  if (!session.subscriptionId) return { state: "processing", kind };
  const [row] = await deps.db
    .select({ tierId: tiers.id, tierName: tiers.name })
    .from(subscriptions)
    .innerJoin(tiers, eq(tiers.id, subscriptions.tierId))
    .where(
      and(
        eq(subscriptions.tenantId, deps.tenant.id),
        eq(subscriptions.stripeSubscriptionId, session.subscriptionId),
        inArray(subscriptions.status, [...LIVE_STATUSES]),
      ),
    );
  if (row) return { state: "complete", kind, tier: { id: row.tierId, name: row.tierName } };
  if (input.reconcile) {
    const synced = await withStripe(() => syncSubscription(deps, stripe, deps.tenant.id, session.subscriptionId ?? ""));
    if (synced.applied) return checkoutStatus(deps, { ...input, reconcile: false });
  }
  return { state: "processing", kind };
}

/** A Billing Portal session for the member's customer: change plan, cancel, payment methods, invoices. */
export async function openBillingPortal(deps: MemberDeps) {
  const stripe = await requireTenantStripe(deps, deps.tenant.id);
  const customerId = await findCustomer(deps.db, stripe, deps.tenant.id, deps.userId);
  if (!customerId)
    throw new AppError("BAD_REQUEST", "You have no billing account here yet: subscribe or buy tokens first.");
  return withStripe(() =>
    createPortalSession(stripe.client, { customerId, returnUrl: portalUrl(deps, "/account/billing") }),
  );
}

/** Cancel at the end of the paid period (or take that back); the mirror is updated from Stripe's answer. */
export async function setSubscriptionCancellation(deps: MemberDeps, cancel: boolean) {
  const [row] = await deps.db
    .select({ stripeSubscriptionId: subscriptions.stripeSubscriptionId })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.tenantId, deps.tenant.id),
        eq(subscriptions.userId, deps.userId),
        inArray(subscriptions.status, [...LIVE_STATUSES]),
      ),
    )
    .orderBy(desc(subscriptions.updatedAt))
    .limit(1);
  if (!row) throw new AppError("BAD_REQUEST", "You have no active subscription here.");
  const stripe = await requireTenantStripe(deps, deps.tenant.id);
  const snapshot = await withStripe(() => setCancelAtPeriodEnd(stripe.client, row.stripeSubscriptionId, cancel));
  await applySubscriptionSnapshot(deps, deps.tenant.id, snapshot);
  return currentSubscription(deps.db, deps.tenant.id, deps.userId);
}
