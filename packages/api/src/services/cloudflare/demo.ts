import { cloudflareConnections, type Db, DEMO_TENANT, liveClasses, memberships, tenants } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { createClass } from "../live/classes";
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
  await scheduleDemoClasses(deps, demo.id);
  return true;
}

const DAY = 86_400_000;

/** Two upcoming classes taught by the demo instructor, so the Live pages have something to show. */
async function scheduleDemoClasses(deps: CloudflareDeps & { db: Db }, tenantId: string) {
  const [existing] = await deps.db
    .select({ id: liveClasses.id })
    .from(liveClasses)
    .where(eq(liveClasses.tenantId, tenantId))
    .limit(1);
  const [teacher] = await deps.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "instructor")))
    .limit(1);
  if (existing || !teacher) return;
  const now = () => new Date();
  const dayAt = (days: number, hourUtc: number) => {
    const at = new Date(now().getTime() + days * DAY);
    at.setUTCHours(hourUtc, 0, 0, 0);
    return at;
  };
  const staff = { ...deps, now, tenantId, actor: { userId: teacher.userId, role: "instructor" as const } };
  await createClass(staff, {
    title: "Evening flow",
    description: "Forty-five minutes of mobility and breath work. Bring a mat.",
    scheduledStart: dayAt(1, 18),
    durationMinutes: 45,
    priceTokens: 3,
    keepRecording: true,
  });
  await createClass(staff, {
    title: "Saturday open mat",
    description: "Free practice with the instructor on hand for questions.",
    scheduledStart: dayAt(3, 10),
    durationMinutes: 90,
    priceTokens: 0,
    keepRecording: false,
  });
}
