import { createCustomer, customerExists } from "@marquee/billing";
import { type DbOrTx, stripeCustomers } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import type { TenantStripe } from "./connections";

type Member = { id: string; email: string; name: string };

/** The member's Stripe customer in the account in use, if we made one. */
export async function findCustomer(db: DbOrTx, stripe: TenantStripe, tenantId: string, userId: string) {
  const [row] = await db
    .select()
    .from(stripeCustomers)
    .where(and(eq(stripeCustomers.tenantId, tenantId), eq(stripeCustomers.userId, userId)));
  return row && row.accountKey === stripe.accountKey ? row.customerId : null;
}

/**
 * The member's Stripe customer, created on first need. One per member and account: a
 * customer deleted in Stripe, or one from an account no longer in use, is replaced.
 */
export async function ensureCustomer(db: DbOrTx, stripe: TenantStripe, tenantId: string, member: Member) {
  const known = await findCustomer(db, stripe, tenantId, member.id);
  if (known && (await customerExists(stripe.client, known))) return known;
  const customerId = await createCustomer(
    stripe.client,
    { email: member.email, name: member.name, metadata: { marquee_tenant_id: tenantId, marquee_user_id: member.id } },
    `marquee:customer:${tenantId}:${member.id}:${stripe.accountKey}:${known ?? "new"}`,
  );
  await db
    .insert(stripeCustomers)
    .values({ tenantId, userId: member.id, customerId, accountKey: stripe.accountKey })
    .onConflictDoUpdate({
      target: [stripeCustomers.tenantId, stripeCustomers.userId],
      set: { customerId, accountKey: stripe.accountKey, createdAt: new Date() },
    });
  return customerId;
}
