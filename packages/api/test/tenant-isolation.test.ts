import {
  classAttendance,
  cloudflareConnections,
  liveClasses,
  memberships,
  tiers,
  tokenPacks,
  tokenWallets,
  videos,
} from "@marquee/db";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { adminRouter, portalRouter } from "../src/root";
import { addMember, adminCaller, createMember, createTenant, createUser, portalCaller, testDb } from "../src/testing";

/**
 * Every procedure of both routers must appear here: either as a case that calls it as an
 * admin of tenant A with tenant B's ids (and expects NOT_FOUND or FORBIDDEN), or listed
 * with the reason it touches no tenant's private data. A new procedure without a line
 * here fails the first test.
 */
type World = Awaited<ReturnType<typeof buildWorld>>;
type Case =
  | { touches: "tenant data"; attack: (world: World) => Promise<unknown>[] }
  | { touches: "nothing private"; why: string };

async function buildWorld() {
  const tenantA = await createTenant();
  const tenantB = await createTenant();
  const adminA = await createUser();
  await addMember(tenantA.id, adminA.id, "admin");
  const ownerB = await createMember("owner", tenantB.id);
  const memberB = await createMember("member", tenantB.id);
  const [connectionB] = await (await testDb())
    .insert(cloudflareConnections)
    .values({ source: "tenant", tenantId: tenantB.id, accountId: "b".repeat(32), customerCode: "bbbb" })
    .returning();
  const [videoB] = await (await testDb())
    .insert(videos)
    .values({
      tenantId: tenantB.id,
      connectionId: connectionB?.id ?? "",
      cloudflareUid: "f".repeat(32),
      title: "B",
      status: "ready",
    })
    .returning();
  if (!videoB) throw new Error("video not created");
  const [tierB] = await (await testDb())
    .insert(tiers)
    .values({ tenantId: tenantB.id, name: "B tier", rank: 1, monthlyPriceCents: 1000, yearlyPriceCents: null })
    .returning();
  const [packB] = await (await testDb())
    .insert(tokenPacks)
    .values({ tenantId: tenantB.id, name: "B pack", tokens: 5, priceCents: 500 })
    .returning();
  await (await testDb()).insert(tokenWallets).values({ tenantId: tenantB.id, userId: memberB.user.id, balance: 7 });
  if (!tierB || !packB) throw new Error("offers not created");
  const [classB] = await (await testDb())
    .insert(liveClasses)
    .values({
      tenantId: tenantB.id,
      instructorUserId: ownerB.user.id,
      title: "B class",
      scheduledStart: new Date(Date.now() + 86_400_000),
      durationMinutes: 60,
      priceTokens: 5,
      connectionId: connectionB?.id ?? "",
      liveInputUid: "e".repeat(32),
    })
    .returning();
  if (!classB) throw new Error("class not created");
  // The caller says "I am working in A" but passes B's ids; and, separately, names B outright.
  const inA = (await adminCaller({ userId: adminA.id, tenantSlug: tenantA.slug })).caller;
  const inB = (await adminCaller({ userId: adminA.id, tenantSlug: tenantB.slug })).caller;
  const portalInA = (await portalCaller({ userId: adminA.id, tenantSlug: tenantA.slug })).caller;
  const portalInB = (await portalCaller({ userId: adminA.id, tenantSlug: tenantB.slug })).caller;
  return { tenantA, tenantB, ownerB, memberB, videoB, tierB, packB, classB, inA, inB, portalInA, portalInB };
}

/** A 1×1 PNG. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const portalCases: Record<string, Case> = {
  "system.ping": { touches: "nothing private", why: "constant answer" },
  "auth.signUp": { touches: "nothing private", why: "creates the caller's own account" },
  "auth.signIn": { touches: "nothing private", why: "the caller's own credentials" },
  "auth.signOut": { touches: "nothing private", why: "the caller's own session" },
  "auth.me": { touches: "nothing private", why: "the caller's own account and memberships" },
  "auth.changePassword": { touches: "nothing private", why: "the caller's own password" },
  "tenant.bySlug": { touches: "nothing private", why: "a tenant's public profile (name, slug)" },
  "tenant.join": { touches: "nothing private", why: "adds the caller's own membership, as a plain member" },
  "videos.list": { touches: "nothing private", why: "the public catalog: locked videos carry no media URL" },
  "videos.tags": { touches: "nothing private", why: "tags of the public catalog" },
  "playback.get": {
    touches: "tenant data",
    attack: (w) => [w.portalInA.playback.get({ videoId: w.videoB.id })],
  },
  "playback.heartbeat": {
    touches: "tenant data",
    attack: (w) => [
      w.portalInA.playback.heartbeat({ videoId: w.videoB.id, position: 1, watchedSeconds: 1 }),
      w.portalInB.playback.heartbeat({ videoId: w.videoB.id, position: 1, watchedSeconds: 1 }),
    ],
  },
  "billing.offers": { touches: "nothing private", why: "a tenant's public pricing page (active tiers and packs)" },
  "billing.overview": { touches: "tenant data", attack: (w) => [w.portalInB.billing.overview()] },
  "billing.subscribe": {
    touches: "tenant data",
    attack: (w) => [
      w.portalInA.billing.subscribe({ tierId: w.tierB.id, interval: "month" }),
      w.portalInB.billing.subscribe({ tierId: w.tierB.id, interval: "month" }),
    ],
  },
  "billing.checkoutStatus": {
    touches: "tenant data",
    attack: (w) => [w.portalInB.billing.checkoutStatus({ sessionId: "cs_test_b" })],
  },
  "billing.portal": { touches: "tenant data", attack: (w) => [w.portalInB.billing.portal()] },
  "billing.cancel": { touches: "tenant data", attack: (w) => [w.portalInB.billing.cancel()] },
  "billing.resume": { touches: "tenant data", attack: (w) => [w.portalInB.billing.resume()] },
  "wallet.balance": { touches: "tenant data", attack: (w) => [w.portalInB.wallet.balance()] },
  "wallet.history": { touches: "tenant data", attack: (w) => [w.portalInB.wallet.history()] },
  "wallet.buy": {
    touches: "tenant data",
    attack: (w) => [w.portalInA.wallet.buy({ packId: w.packB.id }), w.portalInB.wallet.buy({ packId: w.packB.id })],
  },
  "live.list": { touches: "tenant data", attack: (w) => [w.portalInB.live.list()] },
  "live.enroll": {
    touches: "tenant data",
    attack: (w) => [w.portalInA.live.enroll({ id: w.classB.id }), w.portalInB.live.enroll({ id: w.classB.id })],
  },
  "live.watch": {
    touches: "tenant data",
    attack: (w) => [w.portalInA.live.watch({ id: w.classB.id }), w.portalInB.live.watch({ id: w.classB.id })],
  },
  "live.calendar": {
    touches: "tenant data",
    attack: (w) => [w.portalInA.live.calendar({ id: w.classB.id }), w.portalInB.live.calendar({ id: w.classB.id })],
  },
  "live.heartbeat": {
    touches: "tenant data",
    attack: (w) => [
      w.portalInA.live.heartbeat({ classId: w.classB.id, kind: "live", watchedSeconds: 15 }),
      w.portalInB.live.heartbeat({ classId: w.classB.id, kind: "live", watchedSeconds: 15 }),
    ],
  },
};

const adminCases: Record<string, Case> = {
  me: { touches: "nothing private", why: "the caller's own account and memberships" },
  "auth.signIn": { touches: "nothing private", why: "the caller's own credentials" },
  "auth.signOut": { touches: "nothing private", why: "the caller's own session" },
  "tenants.list": { touches: "tenant data", attack: (w) => [w.inA.tenants.list(), w.inB.tenants.list()] },
  "tenants.create": {
    touches: "tenant data",
    attack: (w) => [w.inA.tenants.create({ name: "Sneaky", slug: `sneaky-${w.tenantB.slug}` })],
  },
  "tenants.update": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.tenants.update({ id: w.tenantB.id, name: "Taken over" }),
      w.inB.tenants.update({ id: w.tenantB.id, name: "Taken over" }),
    ],
  },
  "tenants.archive": {
    touches: "tenant data",
    attack: (w) => [w.inA.tenants.archive({ id: w.tenantB.id }), w.inB.tenants.archive({ id: w.tenantB.id })],
  },
  "members.list": { touches: "tenant data", attack: (w) => [w.inB.members.list()] },
  "members.updateRole": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.members.updateRole({ membershipId: w.memberB.membership.id, role: "admin" }),
      w.inB.members.updateRole({ membershipId: w.memberB.membership.id, role: "admin" }),
    ],
  },
  "settings.cloudflare.get": { touches: "tenant data", attack: (w) => [w.inB.settings.cloudflare.get()] },
  "settings.cloudflare.save": {
    touches: "tenant data",
    attack: (w) => [
      w.inB.settings.cloudflare.save({
        accountId: "0123456789abcdef0123456789abcdef",
        apiToken: "a-token-that-is-long-enough",
        customerCode: "abcd1234",
      }),
    ],
  },
  "settings.cloudflare.test": { touches: "tenant data", attack: (w) => [w.inB.settings.cloudflare.test()] },
  "settings.cloudflare.disconnect": { touches: "tenant data", attack: (w) => [w.inB.settings.cloudflare.disconnect()] },
  "videos.list": { touches: "tenant data", attack: (w) => [w.inB.videos.list()] },
  "videos.byId": {
    touches: "tenant data",
    attack: (w) => [w.inA.videos.byId({ id: w.videoB.id }), w.inB.videos.byId({ id: w.videoB.id })],
  },
  "videos.createUpload": {
    touches: "tenant data",
    attack: (w) => [
      w.inB.videos.createUpload({
        title: "x",
        fileName: "x.mp4",
        sizeBytes: 10,
        mimeType: "video/mp4",
        accessLevel: "members",
      }),
    ],
  },
  "videos.update": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.videos.update({ id: w.videoB.id, title: "Taken" }),
      w.inB.videos.update({ id: w.videoB.id, title: "Taken" }),
    ],
  },
  "videos.remove": {
    touches: "tenant data",
    attack: (w) => [w.inA.videos.remove({ id: w.videoB.id }), w.inB.videos.remove({ id: w.videoB.id })],
  },
  "videos.stats": { touches: "tenant data", attack: (w) => [w.inB.videos.stats({ id: w.videoB.id })] },
  "videos.captions.upload": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.videos.captions.upload({
        videoId: w.videoB.id,
        language: "en",
        label: "English",
        vtt: "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n",
      }),
    ],
  },
  "videos.captions.remove": {
    touches: "tenant data",
    attack: (w) => [w.inA.videos.captions.remove({ videoId: w.videoB.id, language: "en" })],
  },
  "tiers.list": { touches: "tenant data", attack: (w) => [w.inB.tiers.list()] },
  "tiers.listAll": { touches: "tenant data", attack: (w) => [w.inB.tiers.listAll()] },
  "tiers.create": {
    touches: "tenant data",
    attack: (w) => [w.inB.tiers.create({ name: "X", rank: 9, monthlyPriceCents: 900, yearlyPriceCents: null })],
  },
  "tiers.update": {
    touches: "tenant data",
    attack: (w) => {
      const edit = { id: w.tierB.id, name: "Taken", rank: 1, monthlyPriceCents: 100, yearlyPriceCents: null };
      return [w.inA.tiers.update(edit), w.inB.tiers.update(edit)];
    },
  },
  "tiers.archive": {
    touches: "tenant data",
    attack: (w) => [w.inA.tiers.archive({ id: w.tierB.id }), w.inB.tiers.archive({ id: w.tierB.id })],
  },
  "packs.list": { touches: "tenant data", attack: (w) => [w.inB.packs.list()] },
  "packs.create": {
    touches: "tenant data",
    attack: (w) => [w.inB.packs.create({ name: "X", tokens: 1, priceCents: 100 })],
  },
  "packs.update": {
    touches: "tenant data",
    attack: (w) => {
      const edit = { id: w.packB.id, name: "Taken", tokens: 1000, priceCents: 100 };
      return [w.inA.packs.update(edit), w.inB.packs.update(edit)];
    },
  },
  "packs.archive": {
    touches: "tenant data",
    attack: (w) => [w.inA.packs.archive({ id: w.packB.id }), w.inB.packs.archive({ id: w.packB.id })],
  },
  "members.adjustTokens": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.members.adjustTokens({ membershipId: w.memberB.membership.id, delta: 100, note: "gift" }),
      w.inB.members.adjustTokens({ membershipId: w.memberB.membership.id, delta: 100, note: "gift" }),
    ],
  },
  "members.tokenHistory": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.members.tokenHistory({ membershipId: w.memberB.membership.id }),
      w.inB.members.tokenHistory({ membershipId: w.memberB.membership.id }),
    ],
  },
  "live.list": { touches: "tenant data", attack: (w) => [w.inB.live.list()] },
  "live.byId": {
    touches: "tenant data",
    attack: (w) => [w.inA.live.byId({ id: w.classB.id }), w.inB.live.byId({ id: w.classB.id })],
  },
  "live.teachers": { touches: "tenant data", attack: (w) => [w.inB.live.teachers()] },
  "live.create": {
    touches: "tenant data",
    attack: (w) => [
      w.inB.live.create({
        title: "Sneaky",
        scheduledStart: new Date(Date.now() + 86_400_000),
        durationMinutes: 30,
        priceTokens: 0,
      }),
    ],
  },
  "live.update": {
    touches: "tenant data",
    attack: (w) => {
      const edit = {
        id: w.classB.id,
        title: "Taken",
        scheduledStart: new Date(Date.now() + 86_400_000),
        durationMinutes: 30,
        priceTokens: 0,
      };
      return [w.inA.live.update(edit), w.inB.live.update(edit)];
    },
  },
  "live.cancel": {
    touches: "tenant data",
    attack: (w) => [w.inA.live.cancel({ id: w.classB.id }), w.inB.live.cancel({ id: w.classB.id })],
  },
  "live.markLive": {
    touches: "tenant data",
    attack: (w) => [w.inA.live.markLive({ id: w.classB.id }), w.inB.live.markLive({ id: w.classB.id })],
  },
  "live.end": {
    touches: "tenant data",
    attack: (w) => [w.inA.live.end({ id: w.classB.id }), w.inB.live.end({ id: w.classB.id })],
  },
  "live.broadcast": {
    touches: "tenant data",
    attack: (w) => [w.inA.live.broadcast({ id: w.classB.id }), w.inB.live.broadcast({ id: w.classB.id })],
  },
  "live.setBroadcastMode": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.live.setBroadcastMode({ id: w.classB.id, mode: "webrtc" }),
      w.inB.live.setBroadcastMode({ id: w.classB.id, mode: "webrtc" }),
    ],
  },
  "live.createRecordingUpload": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.live.createRecordingUpload({ id: w.classB.id, sizeBytes: 10 }),
      w.inB.live.createRecordingUpload({ id: w.classB.id, sizeBytes: 10 }),
    ],
  },
  "live.setThumbnail": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.live.setThumbnail({ id: w.classB.id, contentType: "image/png", data: PNG }),
      w.inB.live.setThumbnail({ id: w.classB.id, contentType: "image/png", data: PNG }),
    ],
  },
  "live.removeThumbnail": {
    touches: "tenant data",
    attack: (w) => [w.inA.live.removeThumbnail({ id: w.classB.id }), w.inB.live.removeThumbnail({ id: w.classB.id })],
  },
  // Job runs are platform-wide: only platform admins may read them.
  "jobs.list": { touches: "tenant data", attack: (w) => [w.inA.jobs.list(), w.inB.jobs.list()] },
  "analytics.summary": {
    touches: "tenant data",
    attack: (w) => [w.inB.analytics.summary({ from: "2026-01-01", to: "2026-01-31" })],
  },
  "analytics.topVideos": {
    touches: "tenant data",
    attack: (w) => [w.inB.analytics.topVideos({ from: "2026-01-01", to: "2026-01-31" })],
  },
  "analytics.cost": {
    touches: "tenant data",
    attack: (w) => [w.inB.analytics.cost({ from: "2026-01-01", to: "2026-01-31" })],
  },
  // Every tenant's figures: platform admins only.
  "platformAnalytics.summary": {
    touches: "tenant data",
    attack: (w) => [w.inA.platformAnalytics.summary({ from: "2026-01-01", to: "2026-01-31" })],
  },
  "analytics.video": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.analytics.video({ videoId: w.videoB.id, from: "2026-01-01", to: "2026-01-31" }),
      w.inB.analytics.video({ videoId: w.videoB.id, from: "2026-01-01", to: "2026-01-31" }),
    ],
  },
  "analytics.classes": {
    touches: "tenant data",
    attack: (w) => [w.inB.analytics.classes({ from: "2026-01-01", to: "2026-01-31" })],
  },
  "analytics.class": {
    touches: "tenant data",
    attack: (w) => [w.inA.analytics.class({ classId: w.classB.id }), w.inB.analytics.class({ classId: w.classB.id })],
  },
  "live.settings": { touches: "tenant data", attack: (w) => [w.inB.live.settings()] },
  "live.updateSettings": {
    touches: "tenant data",
    attack: (w) => [w.inB.live.updateSettings({ replayDays: 1, catalogAfterDays: 9, catalogAccessLevel: "public" })],
  },
  "settings.cloudflare.rotateLiveNotificationSecret": {
    touches: "tenant data",
    attack: (w) => [w.inB.settings.cloudflare.rotateLiveNotificationSecret()],
  },
  "settings.cloudflare.disableLiveNotifications": {
    touches: "tenant data",
    attack: (w) => [w.inB.settings.cloudflare.disableLiveNotifications()],
  },
  "settings.payments.get": { touches: "tenant data", attack: (w) => [w.inB.settings.payments.get()] },
  "settings.payments.save": {
    touches: "tenant data",
    attack: (w) => [w.inB.settings.payments.save({ secretKey: "sk_test_attacker_key_123" })],
  },
  "settings.payments.test": { touches: "tenant data", attack: (w) => [w.inB.settings.payments.test()] },
  "settings.payments.disconnect": { touches: "tenant data", attack: (w) => [w.inB.settings.payments.disconnect()] },
  "settings.payments.updatePolicy": {
    touches: "tenant data",
    attack: (w) => [w.inB.settings.payments.updatePolicy({ currency: "eur", pastDueGraceDays: 0 })],
  },
  "members.remove": {
    touches: "tenant data",
    attack: (w) => [
      w.inA.members.remove({ membershipId: w.ownerB.membership.id }),
      w.inB.members.remove({ membershipId: w.ownerB.membership.id }),
    ],
  },
};

const routers = [
  { name: "portal", procedures: Object.keys(portalRouter._def.procedures), cases: portalCases },
  { name: "admin", procedures: Object.keys(adminRouter._def.procedures), cases: adminCases },
];

describe("tenant isolation", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it.each(routers)("lists every procedure of the $name router", ({ procedures, cases }) => {
    expect(procedures.length).toBeGreaterThan(0);
    expect(Object.keys(cases).sort()).toEqual([...procedures].sort());
  });

  const attacks = routers.flatMap(({ name, cases }) =>
    Object.entries(cases).flatMap(([path, c]) =>
      c.touches === "tenant data" ? [{ label: `${name} ${path}`, c }] : [],
    ),
  );

  it.each(attacks)("$label refuses an admin of tenant A acting on tenant B", async ({ c }) => {
    if (c.touches !== "tenant data") return;
    // Settle every call at once so none rejects unobserved while another is awaited.
    const outcomes = await Promise.all(
      c.attack(world).map((call) =>
        call.then(
          () => null,
          (caught: unknown) => caught,
        ),
      ),
    );
    for (const error of outcomes) {
      expect(error).toBeInstanceOf(TRPCError);
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain((error as TRPCError).code);
    }
  });

  it("leaves tenant B exactly as it was", async () => {
    const db = await testDb();
    const [video] = await db.select().from(videos).where(eq(videos.id, world.videoB.id));
    expect(video?.title).toBe("B");
    const rows = await db.select().from(memberships).where(eq(memberships.tenantId, world.tenantB.id));
    expect(rows.map((row) => row.role).sort()).toEqual(["member", "owner"]);
    const [tier] = await db.select().from(tiers).where(eq(tiers.id, world.tierB.id));
    expect(tier).toMatchObject({ name: "B tier", monthlyPriceCents: 1000, archivedAt: null });
    const [pack] = await db.select().from(tokenPacks).where(eq(tokenPacks.id, world.packB.id));
    expect(pack).toMatchObject({ name: "B pack", tokens: 5, archivedAt: null });
    const [wallet] = await db.select().from(tokenWallets).where(eq(tokenWallets.tenantId, world.tenantB.id));
    expect(wallet?.balance).toBe(7);
    const [liveClass] = await db.select().from(liveClasses).where(eq(liveClasses.id, world.classB.id));
    expect(liveClass).toMatchObject({ title: "B class", status: "scheduled", broadcastMode: null, peakViewers: 0 });
    expect(await db.select().from(classAttendance).where(eq(classAttendance.tenantId, world.tenantB.id))).toEqual([]);
  });

  it("tenant A's lists never show tenant B's tiers or packs", async () => {
    const [tierList, allTiers, packs] = await Promise.all([
      world.inA.tiers.list(),
      world.inA.tiers.listAll(),
      world.inA.packs.list(),
    ]);
    expect(tierList.map((t) => t.id)).not.toContain(world.tierB.id);
    expect(allTiers.map((t) => t.id)).not.toContain(world.tierB.id);
    expect(packs.map((p) => p.id)).not.toContain(world.packB.id);
  });

  it("members.list in tenant A never shows tenant B's members", async () => {
    const list = await world.inA.members.list();
    const ids = list.map((member) => member.membershipId);
    expect(ids).not.toContain(world.memberB.membership.id);
    expect(ids).not.toContain(world.ownerB.membership.id);
  });
});
