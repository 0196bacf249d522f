import {
  analyticsTenantDaily,
  analyticsVideoDaily,
  cloudflareConnections,
  memberships,
  subscriptions,
  tenants,
  tiers,
  tokenLedger,
  videos,
  watchSessions,
} from "@marquee/db";
import { and, eq, gte, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dayOf, pruneWatchSessions, rollUp } from "../src/services/analytics/rollup";
import { countViewers } from "../src/services/analytics/viewers";
import { creditTokens } from "../src/services/billing/wallet";
import { addMember, adminCaller, connectedTenant, createMember, createUser, testDb } from "../src/testing";

const DAY = 86_400_000;

/** A tenant with two videos, three members, ten days of viewing, token sales and subscriptions. */
async function history(now: Date) {
  const db = await testDb();
  const t = await connectedTenant();
  // The tenant has existed for a while, as the sessions below pretend.
  await db
    .update(tenants)
    .set({ createdAt: new Date(now.getTime() - 30 * DAY) })
    .where(eq(tenants.id, t.tenantId));
  const [connection] = await db
    .select({ id: cloudflareConnections.id })
    .from(cloudflareConnections)
    .where(eq(cloudflareConnections.tenantId, t.tenantId));
  const video = async (title: string, durationSeconds: number) => {
    const [row] = await db
      .insert(videos)
      .values({
        tenantId: t.tenantId,
        connectionId: connection?.id ?? "",
        cloudflareUid: crypto.randomUUID().replaceAll("-", ""),
        title,
        status: "ready",
        durationSeconds,
      })
      .returning({ id: videos.id });
    return row?.id ?? "";
  };
  const intro = await video("Intro", 600);
  const advanced = await video("Advanced", 1200);
  const members = await Promise.all([1, 2, 3].map(() => createMember("member", t.tenantId)));
  const ids = members.map((m) => m.user.id);
  // Two of the members joined 3 days ago.
  await db
    .update(memberships)
    .set({ createdAt: new Date(now.getTime() - 3 * DAY) })
    .where(
      and(eq(memberships.tenantId, t.tenantId), sql`${memberships.userId} in (${sql.join(ids.slice(0, 2), sql`, `)})`),
    );

  const sessions: (typeof watchSessions.$inferInsert)[] = [];
  for (let d = 0; d < 10; d++) {
    for (const [i, userId] of ids.entries()) {
      if ((d + i) % 3 === 0) continue;
      const startedAt = new Date(now.getTime() - d * DAY - (i + 1) * 3_600_000);
      sessions.push({
        tenantId: t.tenantId,
        videoId: d % 2 ? intro : advanced,
        userId,
        secondsWatched: 60 * (d + i + 1),
        furthestPosition: 100 * (i + 1) + d * 50,
        startedAt,
        lastHeartbeatAt: startedAt,
      });
    }
  }
  await db.insert(watchSessions).values(sessions);
  await creditTokens(db, {
    tenantId: t.tenantId,
    userId: ids[0] ?? "",
    amount: 12,
    reason: "purchase",
    reference: `cs_${crypto.randomUUID()}`,
    amountCents: 5000,
    currency: "usd",
  });
  const [tier] = await db.insert(tiers).values({ tenantId: t.tenantId, name: "Premium", rank: 1 }).returning();
  const subscribe = (userId: string, interval: "month" | "year", amountCents: number, status: "active" | "canceled") =>
    db.insert(subscriptions).values({
      tenantId: t.tenantId,
      userId,
      tierId: tier?.id ?? "",
      stripeSubscriptionId: `sub_${crypto.randomUUID()}`,
      stripeCustomerId: "cus_test",
      interval,
      amountCents,
      status,
      currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
      createdAt: new Date(now.getTime() - 5 * DAY),
      endedAt: status === "canceled" ? new Date(now.getTime() - 2 * DAY) : null,
    });
  await subscribe(ids[0] ?? "", "month", 1900, "active");
  await subscribe(ids[1] ?? "", "year", 19_000, "active");
  await subscribe(ids[2] ?? "", "month", 900, "canceled");
  return { ...t, db, intro, advanced, ids, tierId: tier?.id ?? "" };
}

describe("daily rollups", () => {
  it("agree with the raw rows, day by day, and running again changes nothing", async () => {
    const now = new Date();
    const w = await history(now);
    const first = await rollUp(w.db, now);
    expect(first.days).toBeGreaterThanOrEqual(3);
    const mine = () =>
      w.db
        .select()
        .from(analyticsTenantDaily)
        .where(eq(analyticsTenantDaily.tenantId, w.tenantId))
        .orderBy(analyticsTenantDaily.day);
    const rows = await mine();
    // Every day from the tenant's creation to today has a row.
    expect(rows).toHaveLength(31);

    const raw = await w.db
      .select({
        day: sql<string>`((${watchSessions.startedAt}) at time zone 'UTC')::date::text`,
        views: sql<number>`count(*)::int`,
        viewers: sql<number>`count(distinct ${watchSessions.userId})::int`,
        seconds: sql<number>`sum(${watchSessions.secondsWatched})::int`,
      })
      .from(watchSessions)
      .where(eq(watchSessions.tenantId, w.tenantId))
      .groupBy(sql`1`);
    expect(raw.length).toBeGreaterThan(5);
    for (const day of raw) {
      expect(rows.find((r) => r.day === day.day)).toMatchObject({
        views: day.views,
        viewers: day.viewers,
        secondsWatched: day.seconds,
      });
    }
    const today = rows.at(-1);
    expect(today?.day).toBe(dayOf(now));
    // The book now: a monthly 19.00 and a yearly 190.00 (15.83 a month); the cancelled one ended.
    expect(today).toMatchObject({ activeSubscribers: 2, mrrCents: 1900 + Math.round(19_000 / 12) });
    expect(today?.subscribersByTier).toEqual({ [w.tierId]: 2 });
    // Three days ago the cancelled one still counted.
    expect(rows.find((r) => r.day === dayOf(new Date(now.getTime() - 3 * DAY)))).toMatchObject({
      activeSubscribers: 3,
      newMembers: 2,
    });
    expect(rows.reduce((sum, r) => sum + r.tokenSalesCents, 0)).toBe(5000);
    expect(rows.reduce((sum, r) => sum + r.tokensSold, 0)).toBe(12);

    const videoRows = await w.db.select().from(analyticsVideoDaily).where(eq(analyticsVideoDaily.tenantId, w.tenantId));
    const introViews = videoRows.filter((r) => r.videoId === w.intro).reduce((s, r) => s + r.views, 0);
    const [introRaw] = await w.db
      .select({ n: sql<number>`count(*)::int` })
      .from(watchSessions)
      .where(eq(watchSessions.videoId, w.intro));
    expect(introViews).toBe(introRaw?.n);

    await rollUp(w.db, now);
    const again = await mine();
    expect(again.map(({ rolledUpAt: _, ...r }) => r)).toEqual(rows.map(({ rolledUpAt: _, ...r }) => r));
  });

  it("prunes raw sessions past the retention only once their days are rolled up", async () => {
    const now = new Date();
    const w = await history(now);
    await w.db.update(tenants).set({ watchRetentionMonths: 1 }).where(eq(tenants.id, w.tenantId));
    const old = new Date(now.getTime() - 40 * DAY);
    await w.db.insert(watchSessions).values({
      tenantId: w.tenantId,
      videoId: w.intro,
      userId: w.ids[0] ?? "",
      secondsWatched: 300,
      startedAt: old,
      lastHeartbeatAt: old,
    });
    await rollUp(w.db, now);
    const [before] = await w.db
      .select()
      .from(analyticsVideoDaily)
      .where(and(eq(analyticsVideoDaily.videoId, w.intro), eq(analyticsVideoDaily.day, dayOf(old))));
    expect(before).toMatchObject({ views: 1, secondsWatched: 300 });

    await pruneWatchSessions(w.db, now);
    const left = await w.db
      .select({ n: sql<number>`count(*)::int` })
      .from(watchSessions)
      .where(and(eq(watchSessions.tenantId, w.tenantId), gte(watchSessions.startedAt, new Date(0))));
    expect(left[0]?.n).toBe(20);
    // The rollup of the pruned day stays, and rolling the recent days again leaves it alone.
    await rollUp(w.db, now);
    const [after] = await w.db
      .select()
      .from(analyticsVideoDaily)
      .where(and(eq(analyticsVideoDaily.videoId, w.intro), eq(analyticsVideoDaily.day, dayOf(old))));
    expect(after).toEqual(before);
  });
});

describe("dashboard", () => {
  it("reports what the raw rows say for the period: views, minutes, MRR, token sales", async () => {
    const now = new Date();
    const w = await history(now);
    await rollUp(w.db, now);
    const from = dayOf(new Date(now.getTime() - 6 * DAY));
    const to = dayOf(now);
    const start = new Date(`${from}T00:00:00Z`);

    const [raw] = await w.db
      .select({
        views: sql<number>`count(*)::int`,
        viewers: sql<number>`count(distinct ${watchSessions.userId})::int`,
        seconds: sql<number>`sum(${watchSessions.secondsWatched})::int`,
      })
      .from(watchSessions)
      .where(and(eq(watchSessions.tenantId, w.tenantId), gte(watchSessions.startedAt, start)));
    const [sales] = await w.db
      .select({
        cents: sql<number>`coalesce(sum(${tokenLedger.amountCents}), 0)::int`,
        tokens: sql<number>`coalesce(sum(${tokenLedger.delta}), 0)::int`,
      })
      .from(tokenLedger)
      .where(
        and(
          eq(tokenLedger.tenantId, w.tenantId),
          eq(tokenLedger.reason, "purchase"),
          gte(tokenLedger.createdAt, start),
        ),
      );
    const live = await w.db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.tenantId, w.tenantId), eq(subscriptions.status, "active")));
    const mrr = live.reduce(
      (total, s) => total + (s.interval === "year" ? (s.amountCents ?? 0) / 12 : (s.amountCents ?? 0)),
      0,
    );

    const summary = await w.caller.analytics.summary({ from, to });
    expect(summary.totals).toMatchObject({
      views: raw?.views,
      uniqueViewers: raw?.viewers,
      minutesWatched: Math.round((raw?.seconds ?? 0) / 60),
      tokenSalesCents: sales?.cents,
      tokensSold: sales?.tokens,
      activeSubscribers: live.length,
      mrrCents: Math.round(mrr),
    });
    expect(summary.series).toHaveLength(7);
    expect(summary.subscribersByTier).toEqual([{ tierId: w.tierId, name: "Premium", rank: 1, subscribers: 2 }]);

    const top = await w.caller.analytics.topVideos({ from, to });
    for (const row of top) {
      const [perVideo] = await w.db
        .select({ views: sql<number>`count(*)::int`, seconds: sql<number>`sum(${watchSessions.secondsWatched})::int` })
        .from(watchSessions)
        .where(and(eq(watchSessions.videoId, row.videoId), gte(watchSessions.startedAt, start)));
      expect(row).toMatchObject({ views: perVideo?.views, minutesWatched: Math.round((perVideo?.seconds ?? 0) / 60) });
      expect(row.averageCompletion).toBeGreaterThan(0);
      expect(row.averageCompletion).toBeLessThanOrEqual(1);
    }
    expect(top.map((r) => r.views)).toEqual([...top.map((r) => r.views)].sort((a, b) => b - a));
    const drill = await w.caller.analytics.video({ videoId: w.intro, from, to });
    expect(drill.totals.views).toBe(top.find((r) => r.videoId === w.intro)?.views);

    await expect(w.caller.analytics.summary({ from: to, to: from })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const platform = await createUser({ platformAdmin: true });
    const platformCaller = (await adminCaller({ userId: platform.id })).caller;
    const across = await platformCaller.platformAnalytics.summary({ from, to });
    const row = across.tenants.find((r) => r.tenantId === w.tenantId);
    expect(row).toMatchObject({
      views: raw?.views,
      mrrCents: Math.round(mrr),
      activeSubscribers: live.length,
      tokenSalesCents: sales?.cents,
    });
    expect(across.totals.views).toBeGreaterThanOrEqual(raw?.views ?? 0);
    // Money is added up per currency only, never across currencies.
    const inCurrency = across.money.find((m) => m.currency === row?.currency);
    const sameCurrency = across.tenants.filter((r) => r.currency === row?.currency);
    expect(inCurrency?.mrrCents).toBe(sameCurrency.reduce((sum, r) => sum + r.mrrCents, 0));
    expect(across.money.reduce((n, m) => n + m.tenants, 0)).toBe(across.tenants.length);
    await expect(w.caller.platformAnalytics.summary({ from, to })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const member = await portalCallerFor(w.tenant.slug);
    await expect(member.analytics.summary({ from, to })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

async function portalCallerFor(tenantSlug: string) {
  const { user } = await createMember("member");
  const tenant = (await testDb()).query.tenants.findFirst({ where: (t, { eq }) => eq(t.slug, tenantSlug) });
  const row = await tenant;
  await addMember(row?.id ?? "", user.id, "member");
  return (await adminCaller({ userId: user.id, tenantSlug })).caller;
}

describe("unique viewers", () => {
  it("counts the same members whether it reads the period's rows or looks each viewer up", async () => {
    const now = new Date();
    const w = await history(now);
    await rollUp(w.db, now);
    for (const back of [0, 2, 6, 9]) {
      const period = { from: dayOf(new Date(now.getTime() - back * DAY)), to: dayOf(now) };
      // Few viewer-days per member: the period's rows; very many: a lookup per viewer.
      const byRows = await countViewers(w.db, w.tenantId, period, 0);
      const byLookups = await countViewers(w.db, w.tenantId, period, Number.MAX_SAFE_INTEGER);
      const [raw] = await w.db
        .select({ n: sql<number>`count(distinct ${watchSessions.userId})::int` })
        .from(watchSessions)
        .where(
          and(
            eq(watchSessions.tenantId, w.tenantId),
            gte(watchSessions.startedAt, new Date(`${period.from}T00:00:00Z`)),
          ),
        );
      expect(byRows).toBe(raw?.n);
      expect(byLookups).toBe(raw?.n);
    }
  });
});
