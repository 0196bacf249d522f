import { type Db, DEMO_TENANT, memberships, stripeConnections, tenants } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { savePaymentSettings } from "./connections";
import type { BillingDeps } from "./environment";

/**
 * Embedded mode: connects Demo Dojo to an account on the built-in Stripe emulator,
 * through the path an admin's "Save" takes (key verified, webhook endpoint registered).
 * Once: a demo tenant that already has Stripe settings is left alone.
 */
export async function connectDemoStripe(
  deps: Omit<BillingDeps, "db"> & { db: Db },
  createAccount: () => Promise<{ secretKey: string }>,
): Promise<boolean> {
  const [demo] = await deps.db
    .select({ id: tenants.id, ownerId: memberships.userId, connectionId: stripeConnections.id })
    .from(tenants)
    .innerJoin(memberships, and(eq(memberships.tenantId, tenants.id), eq(memberships.role, "owner")))
    .leftJoin(stripeConnections, eq(stripeConnections.tenantId, tenants.id))
    .where(eq(tenants.slug, DEMO_TENANT.slug))
    .limit(1);
  if (!demo || demo.connectionId) return false;
  const account = await createAccount();
  await savePaymentSettings(
    { ...deps, tenantId: demo.id, actorUserId: demo.ownerId },
    { secretKey: account.secretKey, webhookSecret: "" },
  );
  return true;
}
