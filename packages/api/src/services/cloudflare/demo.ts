import { cloudflareConnections, type Db, DEMO_TENANT, memberships, tenants } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { saveCloudflareSettings } from "./connections";
import type { CloudflareCredentials, CloudflareDeps } from "./environment";

/**
 * Embedded mode: connects Demo Dojo to an account on the built-in emulator, through the
 * same path an admin's "Save" takes (webhook registered, signing key created). Once:
 * a demo tenant that already has a connection is left alone.
 */
export async function connectDemoCloudflare(
  deps: CloudflareDeps & { db: Db },
  createAccount: () => Promise<CloudflareCredentials>,
): Promise<boolean> {
  const [demo] = await deps.db
    .select({ id: tenants.id, ownerId: memberships.userId, connectionId: cloudflareConnections.id })
    .from(tenants)
    .innerJoin(memberships, and(eq(memberships.tenantId, tenants.id), eq(memberships.role, "owner")))
    .leftJoin(cloudflareConnections, eq(cloudflareConnections.tenantId, tenants.id))
    .where(eq(tenants.slug, DEMO_TENANT.slug))
    .limit(1);
  if (!demo || demo.connectionId) return false;
  const account = await createAccount();
  await saveCloudflareSettings(
    { ...deps, tenantId: demo.id, actorUserId: demo.ownerId, now: () => new Date() },
    {
      accountId: account.accountId,
      apiToken: account.apiToken,
      customerCode: account.customerCode,
      replaceWebhook: true,
    },
  );
  return true;
}
