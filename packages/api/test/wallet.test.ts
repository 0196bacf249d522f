import { tokenLedger, tokenWallets } from "@marquee/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { balanceOf, creditTokens, spendTokens } from "../src/services/billing/wallet";
import { adminCaller, createMember, portalCaller, testDb } from "../src/testing";

async function ledgerSum(tenantId: string, userId: string) {
  const db = await testDb();
  const [row] = await db
    .select({ sum: sql<number>`coalesce(sum(${tokenLedger.delta}), 0)::int` })
    .from(tokenLedger)
    .where(and(eq(tokenLedger.tenantId, tenantId), eq(tokenLedger.userId, userId)));
  return row?.sum ?? 0;
}

describe("token wallet", () => {
  it("lets exactly as many concurrent spends through as the balance covers", async () => {
    const db = await testDb();
    const { user, tenantId } = await createMember("member");
    await creditTokens(db, { tenantId, userId: user.id, amount: 50, reason: "grant", note: "start" });

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        spendTokens(db, { tenantId, userId: user.id, amount: 10, reason: "enrollment", reference: `class-${i}` }),
      ),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toHaveLength(45);
    expect(await balanceOf(db, { tenantId, userId: user.id })).toBe(0);
    expect(await ledgerSum(tenantId, user.id)).toBe(0);
    const entries = await db.select().from(tokenLedger).where(eq(tokenLedger.userId, user.id));
    expect(entries).toHaveLength(6);
    // Every row's balance_after is a real balance the wallet passed through.
    expect(entries.map((e) => e.balanceAfter).sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("credits a reference once however many times it is applied, even at the same moment", async () => {
    const db = await testDb();
    const { user, tenantId } = await createMember("member");
    const credit = () =>
      creditTokens(db, { tenantId, userId: user.id, amount: 12, reason: "purchase", reference: "cs_test_same" });
    const results = await Promise.all(Array.from({ length: 5 }, credit));
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(await balanceOf(db, { tenantId, userId: user.id })).toBe(12);
    expect(await ledgerSum(tenantId, user.id)).toBe(12);
  });

  it("charges a spend with a reference once", async () => {
    const db = await testDb();
    const { user, tenantId } = await createMember("member");
    await creditTokens(db, { tenantId, userId: user.id, amount: 30, reason: "grant" });
    const spend = () =>
      spendTokens(db, { tenantId, userId: user.id, amount: 10, reason: "enrollment", reference: "e-1" });
    const first = await spend();
    const second = await spend();
    expect(first).toEqual({ ok: true, applied: true, balance: 20 });
    expect(second).toEqual({ ok: true, applied: false, balance: 20 });
    expect(await balanceOf(db, { tenantId, userId: user.id })).toBe(20);
  });

  it("cannot go negative, even by a direct write: the database refuses", async () => {
    const db = await testDb();
    const { user, tenantId } = await createMember("member");
    await creditTokens(db, { tenantId, userId: user.id, amount: 5, reason: "grant" });
    await expect(
      db
        .update(tokenWallets)
        .set({ balance: -1 })
        .where(and(eq(tokenWallets.tenantId, tenantId), eq(tokenWallets.userId, user.id))),
    ).rejects.toThrow();
    const refused = await spendTokens(db, { tenantId, userId: user.id, amount: 6, reason: "enrollment" });
    expect(refused).toEqual({ ok: false, balance: 5 });
  });

  it("keeps the ledger append-only", async () => {
    const db = await testDb();
    const { user, tenantId } = await createMember("member");
    await creditTokens(db, { tenantId, userId: user.id, amount: 5, reason: "grant" });
    const refusal = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(
      db.update(tokenLedger).set({ delta: 500 }).where(eq(tokenLedger.userId, user.id)),
    ).rejects.toMatchObject(refusal);
    await expect(db.delete(tokenLedger).where(eq(tokenLedger.userId, user.id))).rejects.toMatchObject(refusal);
    expect(await ledgerSum(tenantId, user.id)).toBe(5);
  });

  it("lets an admin grant and deduct with a reason the member sees in their history", async () => {
    const { user: admin, tenantId } = await createMember("admin");
    const { user: member, membership } = await createMember("member", tenantId);
    const db = await testDb();
    const tenant = await db.query.tenants.findFirst({ where: (t, { eq: is }) => is(t.id, tenantId) });
    const { caller } = await adminCaller({ userId: admin.id, tenantSlug: tenant?.slug });
    await caller.members.adjustTokens({ membershipId: membership.id, delta: 10, note: "Welcome gift" });
    await caller.members.adjustTokens({ membershipId: membership.id, delta: -3, note: "Missed class fee" });
    await expect(
      caller.members.adjustTokens({ membershipId: membership.id, delta: -8, note: "Too much" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("has 7 tokens") });

    const listed = await caller.members.list();
    expect(listed.find((m) => m.userId === member.id)?.tokenBalance).toBe(7);

    const { caller: portal } = await portalCaller({ userId: member.id, tenantSlug: tenant?.slug });
    expect(await portal.wallet.balance()).toEqual({ balance: 7 });
    const history = await portal.wallet.history();
    expect(history.entries.map((e) => [e.delta, e.reason, e.note, e.balanceAfter])).toEqual([
      [-3, "deduction", "Missed class fee", 7],
      [10, "grant", "Welcome gift", 10],
    ]);
    expect(history.entries[0]?.actorName).toBe(admin.name);
  });

  it("pages the history newest first", async () => {
    const db = await testDb();
    const { user, tenantId } = await createMember("member");
    for (let i = 1; i <= 5; i++) await creditTokens(db, { tenantId, userId: user.id, amount: i, reason: "grant" });
    const tenant = await db.query.tenants.findFirst({ where: (t, { eq: is }) => is(t.id, tenantId) });
    const { caller } = await portalCaller({ userId: user.id, tenantSlug: tenant?.slug });
    const first = await caller.wallet.history({ limit: 2 });
    const second = await caller.wallet.history({ limit: 2, cursor: first.nextCursor });
    const third = await caller.wallet.history({ limit: 2, cursor: second.nextCursor });
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.delta)).toEqual([5, 4, 3, 2, 1]);
    expect(third.nextCursor).toBeNull();
  });
});
