import {
  archiveProduct,
  ensurePrice,
  type Interval,
  retirePrice,
  setCancelAtPeriodEnd,
  upsertProduct,
} from "@marquee/billing";
import { type DbOrTx, subscriptions, type Tier, type TokenPack, tenants, tiers, tokenPacks } from "@marquee/db";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { AppError, isUniqueViolation } from "../../errors";
import { recordAudit } from "../audit";
import { resolveTenantStripe, type TenantStripe } from "./connections";
import { type BillingDeps, toAppError } from "./environment";
import { applySubscriptionSnapshot } from "./subscriptions";

type TenantDeps = BillingDeps & { tenantId: string; actorUserId: string };

/** Statuses in which a subscription may still grant access. */
export const LIVE_STATUSES = ["active", "trialing", "past_due"] as const;

export type StripeSync = { state: "synced" } | { state: "not_configured" } | { state: "pending"; message: string };

export type TierFields = {
  name: string;
  description: string;
  benefits: string[];
  rank: number;
  monthlyPriceCents: number | null;
  yearlyPriceCents: number | null;
};
export type PackFields = { name: string; tokens: number; priceCents: number };

const rankTaken = (rank: number) =>
  new AppError("CONFLICT", `Another tier already has rank ${rank}: give each tier its own rank.`, { field: "rank" });

/** The console's tier list: archived ones too, with how many members subscribe. */
export async function listTiersForAdmin(db: DbOrTx, tenantId: string) {
  const subscribers = db
    .select({ tierId: subscriptions.tierId, count: sql<number>`count(*)::int`.as("count") })
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, tenantId), inArray(subscriptions.status, [...LIVE_STATUSES])))
    .groupBy(subscriptions.tierId)
    .as("subscribers");
  const rows = await db
    .select({ tier: tiers, subscriberCount: sql<number>`coalesce(${subscribers.count}, 0)` })
    .from(tiers)
    .leftJoin(subscribers, eq(subscribers.tierId, tiers.id))
    .where(eq(tiers.tenantId, tenantId))
    .orderBy(sql`${tiers.archivedAt} is not null`, asc(tiers.rank));
  return rows.map(({ tier, subscriberCount }) => ({ ...publicTier(tier), subscriberCount }));
}

function publicTier(tier: Tier) {
  return {
    id: tier.id,
    name: tier.name,
    description: tier.description,
    benefits: tier.benefits,
    rank: tier.rank,
    currency: tier.currency,
    monthlyPriceCents: tier.monthlyPriceCents,
    yearlyPriceCents: tier.yearlyPriceCents,
    archivedAt: tier.archivedAt,
    onStripe: Boolean(tier.stripeProductId),
  };
}

function publicPack(pack: TokenPack) {
  return {
    id: pack.id,
    name: pack.name,
    tokens: pack.tokens,
    priceCents: pack.priceCents,
    currency: pack.currency,
    archivedAt: pack.archivedAt,
    onStripe: Boolean(pack.stripePriceId),
  };
}

/** What a tenant sells, as its pricing page shows it. */
export async function listOffers(db: DbOrTx, tenantId: string) {
  const [activeTiers, packs] = await Promise.all([
    db
      .select()
      .from(tiers)
      .where(and(eq(tiers.tenantId, tenantId), isNull(tiers.archivedAt)))
      .orderBy(asc(tiers.rank)),
    db
      .select()
      .from(tokenPacks)
      .where(and(eq(tokenPacks.tenantId, tenantId), isNull(tokenPacks.archivedAt)))
      .orderBy(asc(tokenPacks.tokens)),
  ]);
  return {
    tiers: activeTiers.map((tier) => {
      const { onStripe: _, archivedAt: __, ...rest } = publicTier(tier);
      return rest;
    }),
    packs: packs.map((pack) => {
      const { onStripe: _, archivedAt: __, ...rest } = publicPack(pack);
      return rest;
    }),
  };
}

async function tenantCurrency(db: DbOrTx, tenantId: string) {
  const [row] = await db.select({ currency: tenants.currency }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.currency ?? "usd";
}

export async function createTier(deps: TenantDeps, input: TierFields) {
  const currency = await tenantCurrency(deps.db, deps.tenantId);
  let tier: Tier | undefined;
  try {
    [tier] = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .insert(tiers)
        .values({ tenantId: deps.tenantId, currency, ...input })
        .returning();
      const row = rows[0];
      if (row) await audit(tx, deps, "tier.create", "tier", row.id, { name: row.name, rank: row.rank });
      return rows;
    });
  } catch (error) {
    throw isUniqueViolation(error, "tiers_tenant_rank_key") ? rankTaken(input.rank) : error;
  }
  if (!tier) throw new AppError("INTERNAL", "The tier was not saved.");
  const stripe = await syncTierToStripe(deps, tier.id);
  return { tier: await tierById(deps.db, deps.tenantId, tier.id), stripe };
}

export async function updateTier(deps: TenantDeps, input: TierFields & { id: string }) {
  const { id, ...fields } = input;
  const currency = await tenantCurrency(deps.db, deps.tenantId);
  try {
    const [row] = await deps.db
      .update(tiers)
      .set({ ...fields, currency, updatedAt: deps.now() })
      .where(and(eq(tiers.id, id), eq(tiers.tenantId, deps.tenantId)))
      .returning({ id: tiers.id });
    if (!row) throw new AppError("NOT_FOUND", "This tier does not exist (it may have been deleted).");
  } catch (error) {
    throw isUniqueViolation(error, "tiers_tenant_rank_key") ? rankTaken(input.rank) : error;
  }
  await audit(deps.db, deps, "tier.update", "tier", id, { name: input.name, rank: input.rank });
  const stripe = await syncTierToStripe(deps, id);
  return { tier: await tierById(deps.db, deps.tenantId, id), stripe };
}

async function tierById(db: DbOrTx, tenantId: string, id: string) {
  const [tier] = await db
    .select()
    .from(tiers)
    .where(and(eq(tiers.id, id), eq(tiers.tenantId, tenantId)));
  if (!tier) throw new AppError("NOT_FOUND", "This tier does not exist (it may have been deleted).");
  return publicTier(tier);
}

/**
 * Takes a tier off sale. Its subscribers keep access until the period they paid for ends:
 * their subscriptions are set to cancel then, and the tier's prices are retired.
 */
export async function archiveTier(deps: TenantDeps, id: string) {
  const [tier] = await deps.db
    .update(tiers)
    .set({ archivedAt: deps.now(), updatedAt: deps.now() })
    .where(and(eq(tiers.id, id), eq(tiers.tenantId, deps.tenantId), isNull(tiers.archivedAt)))
    .returning();
  if (!tier) throw new AppError("NOT_FOUND", "This tier does not exist or is already archived.");
  await audit(deps.db, deps, "tier.archive", "tier", id, { name: tier.name });
  const stripe = await resolveTenantStripe(deps, deps.tenantId);
  if (!stripe) return { tier: publicTier(tier), cancelled: 0, failed: 0 };
  const live = await deps.db
    .select({ stripeSubscriptionId: subscriptions.stripeSubscriptionId })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.tenantId, deps.tenantId),
        eq(subscriptions.tierId, id),
        inArray(subscriptions.status, [...LIVE_STATUSES]),
        eq(subscriptions.cancelAtPeriodEnd, false),
      ),
    );
  let cancelled = 0;
  let failed = 0;
  for (const row of live) {
    try {
      const snapshot = await setCancelAtPeriodEnd(stripe.client, row.stripeSubscriptionId, true);
      await applySubscriptionSnapshot(deps, deps.tenantId, snapshot);
      cancelled += 1;
    } catch {
      failed += 1;
    }
  }
  const prices = [tier.stripeMonthlyPriceId, tier.stripeYearlyPriceId].filter((p): p is string => Boolean(p));
  try {
    for (const price of prices) await retirePrice(stripe.client, price);
    if (tier.stripeProductId) await archiveProduct(stripe.client, tier.stripeProductId);
  } catch {
    // The tier is off our pricing page either way; Stripe's copy is tidied on the next save.
  }
  return { tier: publicTier(tier), cancelled, failed };
}

/**
 * Brings the tier's Stripe product and prices in line with what we store. A failure
 * leaves the tier saved and is reported; checkout retries the sync before selling.
 */
async function syncTierToStripe(deps: TenantDeps, tierId: string): Promise<StripeSync> {
  const stripe = await resolveTenantStripe(deps, deps.tenantId);
  if (!stripe) return { state: "not_configured" };
  try {
    for (const interval of ["month", "year"] as const) await ensureTierPrice(deps, stripe, tierId, interval);
    return { state: "synced" };
  } catch (error) {
    const appError = toAppError(error);
    return { state: "pending", message: appError instanceof Error ? appError.message : "Stripe could not be reached." };
  }
}

/** The Stripe price to sell the tier at, creating product and price when missing or stale. Null when not offered. */
export async function ensureTierPrice(
  deps: Pick<BillingDeps, "db">,
  stripe: TenantStripe,
  tierId: string,
  interval: Interval,
): Promise<string | null> {
  const [tier] = await deps.db.select().from(tiers).where(eq(tiers.id, tierId));
  if (!tier) throw new AppError("NOT_FOUND", "This tier does not exist.");
  const metadata = { marquee_tenant_id: tier.tenantId, marquee_tier_id: tier.id };
  const productId = await upsertProduct(
    stripe.client,
    { productId: tier.stripeProductId, name: tier.name, description: tier.description, metadata },
    `marquee:tier-product:${tier.id}:${stripe.accountKey}`,
  );
  const amount = interval === "month" ? tier.monthlyPriceCents : tier.yearlyPriceCents;
  const current = interval === "month" ? tier.stripeMonthlyPriceId : tier.stripeYearlyPriceId;
  let priceId: string | null = null;
  if (amount === null) {
    if (current) await retirePrice(stripe.client, current);
  } else {
    priceId = await ensurePrice(
      stripe.client,
      {
        productId,
        currentPriceId: current,
        spec: { unitAmount: amount, currency: tier.currency, interval },
        metadata: { ...metadata, marquee_interval: interval },
      },
      `marquee:tier-price:${tier.id}:${interval}:${tier.currency}:${amount}:${current ?? "none"}:${stripe.accountKey}`,
    );
  }
  await deps.db
    .update(tiers)
    .set({
      stripeProductId: productId,
      ...(interval === "month" ? { stripeMonthlyPriceId: priceId } : { stripeYearlyPriceId: priceId }),
    })
    .where(eq(tiers.id, tier.id));
  return priceId;
}

/**
 * Creates or refreshes on Stripe every tier and pack on sale (after the tenant connects an
 * account). Returns how many failed; each is retried when it is next saved or sold.
 */
export async function syncCatalogToStripe(deps: BillingDeps, tenantId: string) {
  const stripe = await resolveTenantStripe(deps, tenantId);
  if (!stripe) return { synced: 0, failed: 0 };
  const [activeTiers, packs] = await Promise.all([
    deps.db
      .select({ id: tiers.id })
      .from(tiers)
      .where(and(eq(tiers.tenantId, tenantId), isNull(tiers.archivedAt))),
    deps.db
      .select({ id: tokenPacks.id })
      .from(tokenPacks)
      .where(and(eq(tokenPacks.tenantId, tenantId), isNull(tokenPacks.archivedAt))),
  ]);
  const work = [
    ...activeTiers.map((tier) => async () => {
      for (const interval of ["month", "year"] as const) await ensureTierPrice(deps, stripe, tier.id, interval);
    }),
    ...packs.map((pack) => () => ensurePackPrice(deps, stripe, pack.id)),
  ];
  let failed = 0;
  for (const item of work) await item().catch(() => failed++);
  return { synced: work.length - failed, failed };
}

export async function listPacksForAdmin(db: DbOrTx, tenantId: string) {
  const rows = await db
    .select()
    .from(tokenPacks)
    .where(eq(tokenPacks.tenantId, tenantId))
    .orderBy(sql`${tokenPacks.archivedAt} is not null`, asc(tokenPacks.tokens));
  return rows.map(publicPack);
}

export async function createPack(deps: TenantDeps, input: PackFields) {
  const currency = await tenantCurrency(deps.db, deps.tenantId);
  const [pack] = await deps.db
    .insert(tokenPacks)
    .values({ tenantId: deps.tenantId, currency, ...input })
    .returning();
  if (!pack) throw new AppError("INTERNAL", "The pack was not saved.");
  await audit(deps.db, deps, "pack.create", "token_pack", pack.id, input);
  const stripe = await syncPackToStripe(deps, pack.id);
  return { pack: await packById(deps.db, deps.tenantId, pack.id), stripe };
}

export async function updatePack(deps: TenantDeps, input: PackFields & { id: string }) {
  const { id, ...fields } = input;
  const currency = await tenantCurrency(deps.db, deps.tenantId);
  const [row] = await deps.db
    .update(tokenPacks)
    .set({ ...fields, currency, updatedAt: deps.now() })
    .where(and(eq(tokenPacks.id, id), eq(tokenPacks.tenantId, deps.tenantId)))
    .returning({ id: tokenPacks.id });
  if (!row) throw new AppError("NOT_FOUND", "This token pack does not exist.");
  await audit(deps.db, deps, "pack.update", "token_pack", id, fields);
  const stripe = await syncPackToStripe(deps, id);
  return { pack: await packById(deps.db, deps.tenantId, id), stripe };
}

export async function archivePack(deps: TenantDeps, id: string) {
  const [pack] = await deps.db
    .update(tokenPacks)
    .set({ archivedAt: deps.now(), updatedAt: deps.now() })
    .where(and(eq(tokenPacks.id, id), eq(tokenPacks.tenantId, deps.tenantId), isNull(tokenPacks.archivedAt)))
    .returning();
  if (!pack) throw new AppError("NOT_FOUND", "This token pack does not exist or is already archived.");
  await audit(deps.db, deps, "pack.archive", "token_pack", id, { name: pack.name });
  const stripe = await resolveTenantStripe(deps, deps.tenantId);
  if (stripe && pack.stripePriceId) {
    await retirePrice(stripe.client, pack.stripePriceId).catch(() => undefined);
    if (pack.stripeProductId) await archiveProduct(stripe.client, pack.stripeProductId).catch(() => undefined);
  }
  return publicPack(pack);
}

async function packById(db: DbOrTx, tenantId: string, id: string) {
  const [pack] = await db
    .select()
    .from(tokenPacks)
    .where(and(eq(tokenPacks.id, id), eq(tokenPacks.tenantId, tenantId)));
  if (!pack) throw new AppError("NOT_FOUND", "This token pack does not exist.");
  return publicPack(pack);
}

async function syncPackToStripe(deps: TenantDeps, packId: string): Promise<StripeSync> {
  const stripe = await resolveTenantStripe(deps, deps.tenantId);
  if (!stripe) return { state: "not_configured" };
  try {
    await ensurePackPrice(deps, stripe, packId);
    return { state: "synced" };
  } catch (error) {
    const appError = toAppError(error);
    return { state: "pending", message: appError instanceof Error ? appError.message : "Stripe could not be reached." };
  }
}

export async function ensurePackPrice(deps: Pick<BillingDeps, "db">, stripe: TenantStripe, packId: string) {
  const [pack] = await deps.db.select().from(tokenPacks).where(eq(tokenPacks.id, packId));
  if (!pack) throw new AppError("NOT_FOUND", "This token pack does not exist.");
  const metadata = { marquee_tenant_id: pack.tenantId, marquee_pack_id: pack.id };
  const productId = await upsertProduct(
    stripe.client,
    {
      productId: pack.stripeProductId,
      name: pack.name,
      description: `${pack.tokens} token${pack.tokens === 1 ? "" : "s"}`,
      metadata,
    },
    `marquee:pack-product:${pack.id}:${stripe.accountKey}`,
  );
  const priceId = await ensurePrice(
    stripe.client,
    {
      productId,
      currentPriceId: pack.stripePriceId,
      spec: { unitAmount: pack.priceCents, currency: pack.currency, interval: null },
      metadata,
    },
    `marquee:pack-price:${pack.id}:${pack.currency}:${pack.priceCents}:${pack.stripePriceId ?? "none"}:${stripe.accountKey}`,
  );
  await deps.db
    .update(tokenPacks)
    .set({ stripeProductId: productId, stripePriceId: priceId })
    .where(eq(tokenPacks.id, pack.id));
  return { pack, priceId };
}

function audit(
  db: DbOrTx,
  deps: TenantDeps,
  action: string,
  targetType: string,
  targetId: string,
  data: Record<string, unknown>,
) {
  return recordAudit(db, {
    tenantId: deps.tenantId,
    actorUserId: deps.actorUserId,
    action,
    targetType,
    targetId,
    data,
  });
}
