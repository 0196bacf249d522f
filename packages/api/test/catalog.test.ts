import { cloudflareConnections, videos } from "@marquee/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createMember, createTenant, portalCaller, testDb } from "../src/testing";

async function catalogWith(
  count: number,
  describe: (i: number) => { title: string; description: string; tags: string[] },
) {
  const db = await testDb();
  const tenant = await createTenant();
  const [connection] = await db
    .insert(cloudflareConnections)
    .values({ source: "tenant", tenantId: tenant.id, accountId: "c".repeat(32), customerCode: "cat" })
    .returning();
  if (!connection) throw new Error("connection missing");
  const base = Date.now() - count * 1000;
  await db.insert(videos).values(
    Array.from({ length: count }, (_, i) => ({
      tenantId: tenant.id,
      connectionId: connection.id,
      cloudflareUid: `${i}`.padStart(32, "0"),
      status: "ready" as const,
      accessLevel: "public" as const,
      requireSignedUrls: false,
      createdAt: new Date(base + i * 1000),
      ...describe(i),
    })),
  );
  return tenant;
}

describe("catalog", () => {
  it("finds videos by a word of the description, title or tags, and filters by tag", async () => {
    const tenant = await catalogWith(6, (i) => ({
      title: i === 0 ? "Morning flow" : `Class ${i}`,
      description: i === 1 ? "Gentle stretching for shoulders" : "Strength",
      tags: i === 2 ? ["breathwork"] : ["yoga"],
    }));
    const { caller } = await portalCaller({ tenantSlug: tenant.slug });
    expect((await caller.videos.list({ search: "shoulders" })).items.map((v) => v.title)).toEqual(["Class 1"]);
    expect((await caller.videos.list({ search: "morning" })).items.map((v) => v.title)).toEqual(["Morning flow"]);
    expect((await caller.videos.list({ search: "breathwork" })).items.map((v) => v.title)).toEqual(["Class 2"]);
    expect((await caller.videos.list({ tag: "breathwork" })).items).toHaveLength(1);
    expect(await caller.videos.tags()).toEqual(["yoga", "breathwork"]);
  });

  it("pages with a keyset cursor: every video once, newest first", async () => {
    const tenant = await catalogWith(60, (i) => ({ title: `Video ${i}`, description: "", tags: [] }));
    const { caller } = await portalCaller({ tenantSlug: tenant.slug });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages === 0 || cursor; pages++) {
      expect(pages).toBeLessThan(10);
      const page: Awaited<ReturnType<typeof caller.videos.list>> = await caller.videos.list({ cursor });
      seen.push(...page.items.map((v) => v.title));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen[0]).toBe("Video 59");
    expect(seen.at(-1)).toBe("Video 0");
  });

  it("shows a members-only video to a visitor as locked, without media", async () => {
    const db = await testDb();
    const tenant = await catalogWith(1, () => ({ title: "Members", description: "", tags: [] }));
    await db
      .update(videos)
      .set({ accessLevel: "members", requireSignedUrls: true })
      .where(eq(videos.tenantId, tenant.id));
    const anonymous = (await portalCaller({ tenantSlug: tenant.slug })).caller;
    const [item] = (await anonymous.videos.list()).items;
    expect(item).toMatchObject({ locked: { kind: "signIn" }, thumbnailUrl: null });
    const { user } = await createMember("member", tenant.id);
    const member = (await portalCaller({ tenantSlug: tenant.slug, userId: user.id })).caller;
    expect((await member.videos.list()).items[0]?.locked).toBeNull();
  });
});
