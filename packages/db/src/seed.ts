import { eq } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { type MembershipRole, memberships, tenants, tiers, tokenPacks, users } from "./schema";

export type DemoLogin = { label: string; email: string; password: string };

export const DEMO_TENANT = { slug: "demo-dojo", name: "Demo Dojo" } as const;

const DEMO_PASSWORD = "marquee-demo";
const DEMO_USERS: {
  label: string;
  email: string;
  name: string;
  role: MembershipRole | null;
  platformAdmin?: boolean;
}[] = [
  { label: "Platform admin", email: "platform@marquee.local", name: "Pat Platform", role: null, platformAdmin: true },
  { label: "Demo Dojo admin", email: "admin@demo-dojo.local", name: "Ada Admin", role: "owner" },
  { label: "Demo Dojo instructor", email: "instructor@demo-dojo.local", name: "Ivan Instructor", role: "instructor" },
  { label: "Demo Dojo member", email: "mia@demo-dojo.local", name: "Mia Member", role: "member" },
  { label: "Demo Dojo member", email: "max@demo-dojo.local", name: "Max Member", role: "member" },
];

const DEMO_TIERS = [
  {
    name: "Basic",
    rank: 1,
    description: "The full on-demand library of fundamentals.",
    benefits: ["Every fundamentals lesson", "New lessons each week"],
    monthlyPriceCents: 900,
    yearlyPriceCents: 9000,
  },
  {
    name: "Premium",
    rank: 2,
    description: "Everything in Basic, plus the advanced series.",
    benefits: ["Everything in Basic", "Advanced series and masterclasses", "Two months free on the yearly plan"],
    monthlyPriceCents: 1900,
    yearlyPriceCents: 19000,
  },
];

const DEMO_PACKS = [
  { name: "Starter pack", tokens: 5, priceCents: 2500 },
  { name: "Class pass", tokens: 12, priceCents: 5000 },
];

/**
 * Seeds the embedded demo: a platform admin and "Demo Dojo" with its admin, an instructor
 * and two members, two tiers and two token packs. Idempotent: rows that exist are left as they are, so a restart keeps
 * whatever the user changed.
 */
export async function seedDemo(
  db: DbOrTx,
  deps: { hashPassword: (password: string) => Promise<string> },
): Promise<DemoLogin[]> {
  const passwordHash = await deps.hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(tenants).values(DEMO_TENANT).onConflictDoNothing();
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, DEMO_TENANT.slug));
    if (!tenant) throw new Error("demo tenant missing after insert");
    for (const demo of DEMO_USERS) {
      await tx
        .insert(users)
        .values({ email: demo.email, name: demo.name, passwordHash, isPlatformAdmin: demo.platformAdmin ?? false })
        .onConflictDoNothing();
      if (!demo.role) continue;
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, demo.email));
      if (!user) throw new Error(`demo user ${demo.email} missing after insert`);
      await tx
        .insert(memberships)
        .values({ tenantId: tenant.id, userId: user.id, role: demo.role })
        .onConflictDoNothing();
    }
    // Offers only on the first run: afterwards they are the admin's to change.
    const [anyTier] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.tenantId, tenant.id)).limit(1);
    if (!anyTier) await tx.insert(tiers).values(DEMO_TIERS.map((tier) => ({ tenantId: tenant.id, ...tier })));
    const [anyPack] = await tx
      .select({ id: tokenPacks.id })
      .from(tokenPacks)
      .where(eq(tokenPacks.tenantId, tenant.id))
      .limit(1);
    if (!anyPack) await tx.insert(tokenPacks).values(DEMO_PACKS.map((pack) => ({ tenantId: tenant.id, ...pack })));
  });
  return DEMO_USERS.map(({ label, email }) => ({ label, email, password: DEMO_PASSWORD }));
}
