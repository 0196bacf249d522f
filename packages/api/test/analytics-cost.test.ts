import {
  cloudflareConnections,
  cloudflareStorageDaily,
  cloudflareUsageDays,
  liveClasses,
  tenants,
  videos,
} from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { costCents, DEFAULT_PRICES, fetchCloudflareUsage, tenantCost } from "../src/services/analytics/cost";
import { addDays, dayOf, rollUp } from "../src/services/analytics/rollup";
import { resolveConnectionClient } from "../src/services/cloudflare/resolve";
import { connectedTenant, testDb } from "../src/testing";

const DAY = 86_400_000;

describe("Cloudflare cost", () => {
  it("matches the formula to the cent: most minutes stored × $5 + minutes delivered × $1, per 1,000", async () => {
    const db = await testDb();
    const now = new Date();
    const t = await connectedTenant();
    await db
      .update(tenants)
      .set({ createdAt: new Date(now.getTime() - 10 * DAY) })
      .where(eq(tenants.id, t.tenantId));
    const [connection] = await db
      .select({ id: cloudflareConnections.id })
      .from(cloudflareConnections)
      .where(eq(cloudflareConnections.tenantId, t.tenantId));
    const connectionId = connection?.id ?? "";
    const video = async (title: string, durationSeconds: number | null, status: "ready" | "pendingupload") => {
      const uid = crypto.randomUUID().replaceAll("-", "");
      await db.insert(videos).values({
        tenantId: t.tenantId,
        connectionId,
        cloudflareUid: uid,
        title,
        status,
        durationSeconds,
        readyAt: status === "ready" ? new Date(now.getTime() - 9 * DAY) : null,
        reservedSeconds: status === "pendingupload" ? 3600 : null,
        uploadExpiresAt: status === "pendingupload" ? new Date(now.getTime() + 600_000) : null,
      });
      return uid;
    };
    const lesson = await video("Lesson", 754.2, "ready");
    const course = await video("Course", 4_321, "ready");
    await video("Still uploading", null, "pendingupload");

    // What Cloudflare delivered, as its analytics will say: two days of viewing.
    const yesterday = new Date(now.getTime() - DAY);
    const before = new Date(now.getTime() - 3 * DAY);
    t.emulator.analytics.recordDelivery(t.account.accountId, lesson, 1234.5, yesterday);
    t.emulator.analytics.recordDelivery(t.account.accountId, course, 876.25, before);
    t.emulator.analytics.recordDelivery(t.account.accountId, course, 10, yesterday);

    // Cloudflare's own storage count: a direct upload link reserves its maximum duration.
    const client = await resolveConnectionClient(t.deps, connectionId);
    await client.createDirectUpload({ maxDurationSeconds: 1800 });

    const deps = { ...t.deps, now: () => now };
    // The job is global: other tests' accounts share the database, so only this one's rows are checked.
    await fetchCloudflareUsage(deps);
    const snapshot = async () =>
      (await db.select().from(cloudflareStorageDaily).where(eq(cloudflareStorageDaily.connectionId, connectionId))).map(
        (row) => ({ day: row.day, storedMinutes: row.storedMinutes, fetchedAt: row.fetchedAt }),
      );
    const taken = await snapshot();
    expect(taken).toEqual([{ day: dayOf(now), storedMinutes: 30, fetchedAt: now }]);
    // Every day of the last week is fetched once; running again asks Cloudflare for nothing.
    const days = await db.select().from(cloudflareUsageDays).where(eq(cloudflareUsageDays.connectionId, connectionId));
    expect(days.filter((d) => d.fetchedAt)).toHaveLength(7);
    // A minute later: nothing fetched again (the rows keep their first fetch time).
    await fetchCloudflareUsage({ ...t.deps, now: () => new Date(now.getTime() + 60_000) });
    expect(await snapshot()).toEqual(taken);
    const again = await db.select().from(cloudflareUsageDays).where(eq(cloudflareUsageDays.connectionId, connectionId));
    expect(again.map((d) => d.fetchedAt?.getTime()).sort()).toEqual(days.map((d) => d.fetchedAt?.getTime()).sort());
    await rollUp(db, now);

    const from = addDays(dayOf(now), -6);
    const to = dayOf(now);
    const cost = await t.caller.analytics.cost({ from, to });
    // Each video's duration counts rounded up to the second.
    const stored = (755 + 4_321) / 60;
    const delivered = 1234.5 + 876.25 + 10;
    expect(cost.storedMinutes).toBeCloseTo(stored, 6);
    expect(cost.deliveredMinutes).toBeCloseTo(delivered, 6);
    expect(cost.reservedMinutes).toBe(60);
    // $5 per 1,000 stored minutes and $1 per 1,000 delivered: $0.42 and $2.12.
    expect(cost.storageCents).toBe(Math.round((stored * 5 * 100) / 1000));
    expect(cost.storageCents).toBe(42);
    expect(cost.deliveryCents).toBe(212);
    expect(cost.totalCents).toBe(42 + 212);
    expect(costCents(delivered, 1)).toBe(212);
    expect(cost.videos.find((v) => v.title === "Course")).toMatchObject({
      deliveredMinutes: 886.25,
      costCents: costCents(4_321 / 60, 5) + costCents(886.25, 1),
    });
    expect(cost.coverage).toMatchObject({ days: 7, fetchedDays: 6, lastError: null });
    expect(cost.cloudflareStorage).toEqual({
      day: to,
      storedMinutes: 30,
      limitMinutes: expect.any(Number),
      videoCount: 1,
    });
  });

  it("projects the month from the minutes stored now, delivered so far, and the last week's daily pace", async () => {
    const db = await testDb();
    const now = new Date("2026-11-20T12:00:00Z");
    const t = await connectedTenant();
    await db
      .update(tenants)
      .set({ createdAt: new Date("2026-10-01T00:00:00Z") })
      .where(eq(tenants.id, t.tenantId));
    const [connection] = await db
      .select({ id: cloudflareConnections.id })
      .from(cloudflareConnections)
      .where(eq(cloudflareConnections.tenantId, t.tenantId));
    const connectionId = connection?.id ?? "";
    const uid = () => crypto.randomUUID().replaceAll("-", "");
    const videoUid = uid();
    await db.insert(videos).values({
      tenantId: t.tenantId,
      connectionId,
      cloudflareUid: videoUid,
      title: "Course",
      status: "ready",
      durationSeconds: 6000,
      readyAt: new Date("2026-11-01T00:00:00Z"),
    });
    // A live class is delivered under its input's uid and counts too.
    const inputUid = uid();
    await db.insert(liveClasses).values({
      tenantId: t.tenantId,
      instructorUserId: t.user.id,
      title: "Randori",
      scheduledStart: new Date("2026-11-10T18:00:00Z"),
      durationMinutes: 60,
      connectionId,
      liveInputUid: inputUid,
    });
    // Every day of the last week: 700 minutes of the video and 70 of the class.
    for (let i = 1; i <= 7; i++) {
      const at = new Date(now.getTime() - i * DAY);
      t.emulator.analytics.recordDelivery(t.account.accountId, videoUid, 700, at);
      t.emulator.analytics.recordDelivery(t.account.accountId, inputUid, 70, at);
    }
    await fetchCloudflareUsage({ ...t.deps, now: () => now });
    await rollUp(db, now);

    const cost = await tenantCost({ db, prices: DEFAULT_PRICES, now }, t.tenantId, {
      from: "2026-11-01",
      to: "2026-11-20",
    });
    // Only the last 7 days are fetched: they are the period's coverage and the pace.
    expect(cost.coverage).toEqual({ days: 20, fetchedDays: 7, lastError: null });
    expect(cost.deliveredMinutes).toBeCloseTo(7 * 770, 6);
    expect(cost.classDeliveredMinutes).toBeCloseTo(7 * 70, 6);
    // 19 days of November are over and figured (7 of them fetched: 5,390 minutes); 11 days
    // are left at 770 a day: 13,860 minutes, $13.86; 100 minutes stored now, $0.50.
    expect(cost.projection).toMatchObject({ month: "2026-11", storedMinutesNow: 100 });
    expect(cost.projection.deliveredMinutesSoFar).toBeCloseTo(5390, 6);
    expect(cost.projection.dailyPaceMinutes).toBeCloseTo(770, 6);
    expect(cost.projection.projectedDeliveredMinutes).toBeCloseTo(13_860, 6);
    expect(cost.projection.projectedCents).toBe(1386 + 50);
  });

  it("records a token without analytics access as an error on the day, and tries again next run", async () => {
    const db = await testDb();
    const now = new Date();
    // A token with Stream permissions but not Account Analytics Read.
    const t = await connectedTenant("owner", { analytics: false });
    const [connection] = await db
      .select({ id: cloudflareConnections.id })
      .from(cloudflareConnections)
      .where(eq(cloudflareConnections.tenantId, t.tenantId));
    const deps = { ...t.deps, now: () => now };
    await fetchCloudflareUsage(deps);
    const [day] = await db
      .select()
      .from(cloudflareUsageDays)
      .where(
        and(
          eq(cloudflareUsageDays.connectionId, connection?.id ?? ""),
          eq(cloudflareUsageDays.day, addDays(dayOf(now), -1)),
        ),
      );
    expect(day?.fetchedAt).toBeNull();
    expect(day?.error).toMatch(/analytics/i);
  });
});
