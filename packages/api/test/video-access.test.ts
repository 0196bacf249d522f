import { cloudflareConnections, subscriptions, tiers, videos } from "@marquee/db";
import { describe, expect, it } from "vitest";
import { addMember, createMember, createTenant, createUser, portalCaller, testDb } from "../src/testing";

/**
 * The access matrix of the issue: public, members-only and tier videos against
 * anonymous, a member of another tenant, a member, subscribers below and at the tier,
 * and a tenant admin. Checked through playback.get, as the portal calls it.
 */
async function world() {
  const db = await testDb();
  const tenant = await createTenant();
  const other = await createTenant();
  const [connection] = await db
    .insert(cloudflareConnections)
    .values({ source: "tenant", tenantId: tenant.id, accountId: "a".repeat(32), customerCode: "acme" })
    .returning();
  const [basic, premium] = await db
    .insert(tiers)
    .values([
      { tenantId: tenant.id, name: "Basic", rank: 1 },
      { tenantId: tenant.id, name: "Premium", rank: 2 },
    ])
    .returning();
  if (!connection || !basic || !premium) throw new Error("setup failed");
  const video = async (accessLevel: "public" | "members" | "tier") => {
    const [row] = await db
      .insert(videos)
      .values({
        tenantId: tenant.id,
        connectionId: connection.id,
        cloudflareUid: crypto.randomUUID().replaceAll("-", ""),
        title: accessLevel,
        status: "ready",
        accessLevel,
        // Unsigned here: the matrix is about the decision, not the token.
        requireSignedUrls: false,
        requiredTierId: accessLevel === "tier" ? premium.id : null,
      })
      .returning();
    if (!row) throw new Error("video not created");
    return row;
  };
  const subscriber = async (tierId: string) => {
    const { user } = await createMember("member", tenant.id);
    const periodEnd = new Date(Date.now() + 86_400_000);
    await db.insert(subscriptions).values({
      tenantId: tenant.id,
      userId: user.id,
      tierId,
      stripeSubscriptionId: `sub_${user.id}`,
      stripeCustomerId: `cus_${user.id}`,
      status: "active",
      currentPeriodEnd: periodEnd,
    });
    return user.id;
  };
  const outsider = await createUser();
  await addMember(other.id, outsider.id, "member");
  return {
    tenant,
    videos: { public: await video("public"), members: await video("members"), tier: await video("tier") },
    viewers: {
      anonymous: null,
      otherTenantMember: outsider.id,
      member: (await createMember("member", tenant.id)).user.id,
      belowTier: await subscriber(basic.id),
      atTier: await subscriber(premium.id),
      admin: (await createMember("admin", tenant.id)).user.id,
    },
  };
}

const expected = {
  public: { anonymous: true, otherTenantMember: true, member: true, belowTier: true, atTier: true, admin: true },
  members: { anonymous: "signIn", otherTenantMember: "join", member: true, belowTier: true, atTier: true, admin: true },
  tier: {
    anonymous: "signIn",
    otherTenantMember: "join",
    member: "subscribe",
    belowTier: "subscribe",
    atTier: true,
    admin: true,
  },
} as const;

describe("video access", () => {
  it("follows the matrix for every viewer and access level", async () => {
    const w = await world();
    for (const level of ["public", "members", "tier"] as const) {
      for (const [viewer, userId] of Object.entries(w.viewers)) {
        const { caller } = await portalCaller({ tenantSlug: w.tenant.slug, ...(userId ? { userId } : {}) });
        const result = await caller.playback.get({ videoId: w.videos[level].id });
        const want = expected[level][viewer as keyof (typeof expected)["public"]];
        const got = result.allowed ? true : result.unlock.kind;
        expect(got, `${level} video, ${viewer}`).toBe(want);
        if (!result.allowed && result.unlock.kind === "subscribe") expect(result.unlock.tier?.name).toBe("Premium");
        if (result.allowed) expect(result.hls).toContain(`/${w.videos[level].cloudflareUid}/manifest/video.m3u8`);
      }
    }
  });

  it("does not count an expired or cancelled subscription", async () => {
    const w = await world();
    const db = await testDb();
    const [premium] = await db
      .select()
      .from(tiers)
      .where((await import("drizzle-orm")).eq(tiers.name, "Premium"));
    expect(premium).toBeDefined();
    const { user } = await createMember("member", w.tenant.id);
    await db.insert(subscriptions).values({
      tenantId: w.tenant.id,
      userId: user.id,
      tierId: w.videos.tier.requiredTierId ?? "",
      stripeSubscriptionId: `sub_${user.id}`,
      stripeCustomerId: `cus_${user.id}`,
      status: "active",
      currentPeriodEnd: new Date(Date.now() - 1000),
    });
    const { caller } = await portalCaller({ tenantSlug: w.tenant.slug, userId: user.id });
    const result = await caller.playback.get({ videoId: w.videos.tier.id });
    expect(result.allowed).toBe(false);
  });
});
