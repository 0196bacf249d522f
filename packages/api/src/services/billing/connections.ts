import { maskSecret } from "@marquee/auth";
import {
  deleteWebhookEndpoint,
  isBillingError,
  readAccount,
  registerWebhookEndpoint,
  type Stripe,
  stripeClient,
} from "@marquee/billing";
import { type DbOrTx, stripeConnections, stripeCustomers, tenants, tiers, tokenPacks } from "@marquee/db";
import { eq } from "drizzle-orm";
import { AppError } from "../../errors";
import { STRIPE_WEBHOOK_EVENTS } from "../../validators";
import { recordAudit } from "../audit";
import { syncCatalogToStripe } from "./catalog";
import { type BillingDeps, toAppError, webhookUrlFor, withStripe } from "./environment";

type TenantDeps = BillingDeps & { tenantId: string; actorUserId: string };

const ownConnection = (db: DbOrTx, tenantId: string) =>
  db
    .select()
    .from(stripeConnections)
    .where(eq(stripeConnections.tenantId, tenantId))
    .then((rows) => rows[0]);

/** The Stripe account a tenant's billing goes to, with what its webhooks are signed with. */
export type TenantStripe = {
  source: "tenant" | "platform";
  client: Stripe;
  /** Names the Stripe account; customers made in another account are not reused. */
  accountKey: string;
  webhookSecret: string | null;
};

/** The tenant's own Stripe account if it has one, else the platform default, else null. */
export async function resolveTenantStripe(
  deps: Omit<BillingDeps, "db"> & { db: DbOrTx },
  tenantId: string,
): Promise<TenantStripe | null> {
  const own = await ownConnection(deps.db, tenantId);
  if (own?.secretKeySealed) {
    return {
      source: "tenant",
      client: stripeClient(deps.secrets.open(own.secretKeySealed), deps.billing.stripe),
      accountKey: `tenant:${own.accountId ?? own.id}`,
      webhookSecret: own.webhookSecretSealed ? deps.secrets.open(own.webhookSecretSealed) : null,
    };
  }
  const platform = deps.billing.platformDefault;
  if (!platform) return null;
  return {
    source: "platform",
    client: stripeClient(platform.secretKey, deps.billing.stripe),
    accountKey: "platform",
    webhookSecret: platform.webhookSecret,
  };
}

/** Like resolveTenantStripe, for work that cannot go on without Stripe. */
export async function requireTenantStripe(deps: Omit<BillingDeps, "db"> & { db: DbOrTx }, tenantId: string) {
  const stripe = await resolveTenantStripe(deps, tenantId);
  if (!stripe) {
    throw new AppError(
      "BAD_REQUEST",
      "Payments are not set up for this organization yet: an admin can connect Stripe in Settings → Payments.",
    );
  }
  return stripe;
}

/** What the console shows: masked values only. */
export async function getPaymentSettings(deps: Omit<BillingDeps, "db"> & { db: DbOrTx }, tenantId: string) {
  const [own, [tenant]] = await Promise.all([
    ownConnection(deps.db, tenantId),
    deps.db
      .select({ currency: tenants.currency, pastDueGraceDays: tenants.pastDueGraceDays })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  ]);
  const connected = Boolean(own?.secretKeySealed);
  const platformDefaultAvailable = deps.billing.platformDefault !== null;
  return {
    inUse: connected ? ("tenant" as const) : platformDefaultAvailable ? ("platform" as const) : ("none" as const),
    platformDefaultAvailable,
    webhookUrl: webhookUrlFor(deps.billing, tenantId),
    own:
      own && connected
        ? {
            accountId: own.accountId,
            accountName: own.accountName,
            secretKeyHint: own.secretKeyHint,
            webhookSecretHint: own.webhookSecretHint,
            /** Marquee registered the webhook endpoint itself. */
            webhookManaged: Boolean(own.webhookEndpointId),
            webhookConfigured: Boolean(own.webhookSecretSealed),
            verifiedAt: own.verifiedAt,
          }
        : null,
    policy: { currency: tenant?.currency ?? "usd", pastDueGraceDays: tenant?.pastDueGraceDays ?? 7 },
  };
}

export type SavePaymentsInput = { secretKey: string; webhookSecret: string };

/**
 * Verifies the key, then stores it sealed. Without a webhook secret, Marquee registers
 * its endpoint on the account and keeps the secret Stripe returns. A different Stripe
 * account than before starts the tenant's Stripe objects afresh (products, prices and
 * customers live in one account); a rejected key clears what was stored.
 */
export async function savePaymentSettings(deps: TenantDeps, input: SavePaymentsInput) {
  const client = stripeClient(input.secretKey, deps.billing.stripe);
  const existing = await ownConnection(deps.db, deps.tenantId);
  let account: Awaited<ReturnType<typeof readAccount>>;
  try {
    account = await readAccount(client);
  } catch (error) {
    if (isBillingError(error) && error.kind === "auth") await clearPaymentSettings(deps, "stripe.credentials.rejected");
    throw toAppError(error, "secretKey");
  }
  const accountChanged = Boolean(existing?.accountId && existing.accountId !== account.id);
  const previousClient = existing?.secretKeySealed
    ? stripeClient(deps.secrets.open(existing.secretKeySealed), deps.billing.stripe)
    : null;

  let endpoint: { id: string; secret: string } | null = null;
  if (!input.webhookSecret) {
    // Ours to manage: replace the endpoint we registered before rather than adding another.
    if (existing?.webhookEndpointId && previousClient && !accountChanged) {
      await deleteWebhookEndpoint(previousClient, existing.webhookEndpointId).catch(() => undefined);
    }
    endpoint = await withStripe(() =>
      registerWebhookEndpoint(client, webhookUrlFor(deps.billing, deps.tenantId), STRIPE_WEBHOOK_EVENTS),
    );
  }
  const webhookSecret = endpoint?.secret ?? input.webhookSecret;
  const values = {
    accountId: account.id,
    accountName: account.name,
    secretKeySealed: deps.secrets.seal(input.secretKey),
    secretKeyHint: maskSecret(input.secretKey),
    webhookSecretSealed: deps.secrets.seal(webhookSecret),
    webhookSecretHint: maskSecret(webhookSecret),
    webhookEndpointId: endpoint?.id ?? null,
    verifiedAt: deps.now(),
    updatedAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(stripeConnections)
      .values({ tenantId: deps.tenantId, ...values })
      .onConflictDoUpdate({ target: stripeConnections.tenantId, set: values });
    if (accountChanged || !existing?.accountId) await forgetStripeObjects(tx, deps.tenantId);
    await recordAudit(tx, {
      tenantId: deps.tenantId,
      actorUserId: deps.actorUserId,
      action: "stripe.credentials.save",
      targetType: "stripe_connection",
      targetId: deps.tenantId,
      data: { accountId: account.id, webhook: endpoint ? "registered" : "entered", accountChanged },
    });
  });
  // Put what the tenant sells on sale in this account now rather than at the first checkout.
  await syncCatalogToStripe(deps, deps.tenantId).catch(() => undefined);
  return getPaymentSettings(deps, deps.tenantId);
}

/**
 * Products, prices and customers made in another Stripe account mean nothing in this one;
 * they are created again on demand. Subscriptions stay: they still run in the old account.
 */
async function forgetStripeObjects(tx: DbOrTx, tenantId: string) {
  await tx
    .update(tiers)
    .set({ stripeProductId: null, stripeMonthlyPriceId: null, stripeYearlyPriceId: null })
    .where(eq(tiers.tenantId, tenantId));
  await tx
    .update(tokenPacks)
    .set({ stripeProductId: null, stripePriceId: null })
    .where(eq(tokenPacks.tenantId, tenantId));
  await tx.delete(stripeCustomers).where(eq(stripeCustomers.tenantId, tenantId));
}

/** "Test connection" on what is stored (the tenant's own account, else the platform's). */
export async function testPaymentSettings(deps: TenantDeps) {
  const stripe = await requireTenantStripe(deps, deps.tenantId);
  try {
    const account = await readAccount(stripe.client);
    if (stripe.source === "tenant") {
      await deps.db
        .update(stripeConnections)
        .set({ verifiedAt: deps.now(), accountName: account.name })
        .where(eq(stripeConnections.tenantId, deps.tenantId));
    }
    return { ok: true as const, account: stripe.source, accountId: account.id, accountName: account.name };
  } catch (error) {
    if (stripe.source === "tenant" && isBillingError(error) && error.kind === "auth") {
      await clearPaymentSettings(deps, "stripe.credentials.rejected");
    }
    throw toAppError(error, "secretKey");
  }
}

/** Forgets the tenant's keys (disconnect, or a key Stripe rejected). */
export async function clearPaymentSettings(deps: TenantDeps, action = "stripe.credentials.clear") {
  const existing = await ownConnection(deps.db, deps.tenantId);
  if (!existing?.secretKeySealed) return;
  if (existing.webhookEndpointId && action === "stripe.credentials.clear") {
    // Best effort: a dangling endpoint would only receive refusals.
    const client = stripeClient(deps.secrets.open(existing.secretKeySealed), deps.billing.stripe);
    await deleteWebhookEndpoint(client, existing.webhookEndpointId).catch(() => undefined);
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .update(stripeConnections)
      .set({
        secretKeySealed: null,
        secretKeyHint: null,
        webhookSecretSealed: null,
        webhookSecretHint: null,
        webhookEndpointId: null,
        verifiedAt: null,
        updatedAt: deps.now(),
      })
      .where(eq(stripeConnections.tenantId, deps.tenantId));
    await recordAudit(tx, {
      tenantId: deps.tenantId,
      actorUserId: deps.actorUserId,
      action,
      targetType: "stripe_connection",
      targetId: deps.tenantId,
    });
  });
}

export async function updateBillingPolicy(deps: TenantDeps, input: { currency: string; pastDueGraceDays: number }) {
  await deps.db.transaction(async (tx) => {
    await tx
      .update(tenants)
      .set({ currency: input.currency, pastDueGraceDays: input.pastDueGraceDays, updatedAt: deps.now() })
      .where(eq(tenants.id, deps.tenantId));
    await recordAudit(tx, {
      tenantId: deps.tenantId,
      actorUserId: deps.actorUserId,
      action: "billing.policy.update",
      targetType: "tenant",
      targetId: deps.tenantId,
      data: input,
    });
  });
  return getPaymentSettings(deps, deps.tenantId);
}
