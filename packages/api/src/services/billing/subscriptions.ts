import { readSubscription, type SubscriptionSnapshot } from "@marquee/billing";
import { type DbOrTx, memberships, stripeCustomers, subscriptions, tiers } from "@marquee/db";
import { and, eq, sql } from "drizzle-orm";
import type { TenantStripe } from "./connections";
import type { BillingDeps } from "./environment";

export type ApplyResult =
  | { applied: true; subscriptionId: string; userId: string; tierId: string }
  | { applied: false; reason: string };

/**
 * Writes Stripe's view of a subscription into our mirror. The snapshot must come from
 * Stripe itself (a retrieve or an update's response), never from an event's payload:
 * whatever order events arrive in, the last write is the truth at that moment.
 */
export async function applySubscriptionSnapshot(
  deps: { db: DbOrTx; now: () => Date },
  tenantId: string,
  snapshot: SubscriptionSnapshot,
): Promise<ApplyResult> {
  const claimedTenant = snapshot.metadata.marquee_tenant_id;
  if (claimedTenant && claimedTenant !== tenantId) return { applied: false, reason: "another tenant's subscription" };
  const tierId = await tierOf(deps.db, tenantId, snapshot);
  if (!tierId) return { applied: false, reason: "no tier sells this product" };
  const userId = await memberOf(deps.db, tenantId, snapshot);
  if (!userId) return { applied: false, reason: "no member is this customer" };

  const now = deps.now();
  const values = {
    tenantId,
    userId,
    tierId,
    stripeSubscriptionId: snapshot.id,
    stripeCustomerId: snapshot.customerId,
    stripePriceId: snapshot.priceId,
    interval: snapshot.interval,
    amountCents: snapshot.amount,
    currency: snapshot.currency,
    status: snapshot.status as typeof subscriptions.$inferInsert.status,
    currentPeriodEnd: snapshot.currentPeriodEnd,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    pastDueSince: snapshot.status === "past_due" ? now : null,
    canceledAt: snapshot.canceledAt,
    endedAt: snapshot.endedAt,
    updatedAt: now,
  };
  const [row] = await deps.db
    .insert(subscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: [subscriptions.tenantId, subscriptions.stripeSubscriptionId],
      set: {
        ...values,
        // The grace period counts from when the subscription first fell past due.
        pastDueSince: sql`case when excluded.status = 'past_due' then coalesce(${subscriptions.pastDueSince}, excluded.past_due_since) else null end`,
      },
    })
    .returning({ id: subscriptions.id });
  if (!row) return { applied: false, reason: "not stored" };
  return { applied: true, subscriptionId: row.id, userId, tierId };
}

async function tierOf(db: DbOrTx, tenantId: string, snapshot: SubscriptionSnapshot): Promise<string | null> {
  if (snapshot.productId) {
    const [byProduct] = await db
      .select({ id: tiers.id })
      .from(tiers)
      .where(and(eq(tiers.tenantId, tenantId), eq(tiers.stripeProductId, snapshot.productId)));
    if (byProduct) return byProduct.id;
  }
  const claimed = snapshot.metadata.marquee_tier_id;
  if (!claimed || !isUuid(claimed)) return null;
  const [byMetadata] = await db
    .select({ id: tiers.id })
    .from(tiers)
    .where(and(eq(tiers.tenantId, tenantId), eq(tiers.id, claimed)));
  return byMetadata?.id ?? null;
}

/** The member the subscription is for: our customer mapping first, then the checkout's metadata. */
async function memberOf(db: DbOrTx, tenantId: string, snapshot: SubscriptionSnapshot): Promise<string | null> {
  const [customer] = await db
    .select({ userId: stripeCustomers.userId })
    .from(stripeCustomers)
    .where(and(eq(stripeCustomers.tenantId, tenantId), eq(stripeCustomers.customerId, snapshot.customerId)));
  const candidate = customer?.userId ?? snapshot.metadata.marquee_user_id;
  if (!candidate || !isUuid(candidate)) return null;
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, candidate)));
  return member?.userId ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);

/**
 * Re-reads one subscription from Stripe and stores it. Syncs of the same subscription
 * are serialised (an advisory lock held across the read and the write), so a slow read
 * can never overwrite a newer one.
 */
export async function syncSubscription(
  deps: Pick<BillingDeps, "db" | "now">,
  stripe: TenantStripe,
  tenantId: string,
  stripeSubscriptionId: string,
): Promise<ApplyResult> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`stripe-sub:${tenantId}:${stripeSubscriptionId}`}, 0))`,
    );
    const snapshot = await readSubscription(stripe.client, stripeSubscriptionId);
    if (!snapshot) {
      // Stripe no longer knows it (deleted in test mode): nothing it grants can stand.
      await tx
        .update(subscriptions)
        .set({ status: "canceled", endedAt: deps.now(), updatedAt: deps.now() })
        .where(and(eq(subscriptions.tenantId, tenantId), eq(subscriptions.stripeSubscriptionId, stripeSubscriptionId)));
      return { applied: false, reason: "unknown to Stripe" };
    }
    return applySubscriptionSnapshot({ db: tx, now: deps.now }, tenantId, snapshot);
  });
}
