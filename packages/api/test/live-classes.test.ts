import { classEnrollments, images, liveClasses, tokenLedger, videos } from "@marquee/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { liveStatusJob, migrateToCatalogJob, recordingsCleanupJob, runJobSlot, slotOf } from "../src/jobs";
import { balanceOf } from "../src/services/billing/wallet";
import { addMember, adminCaller, createUser, testDb, waitFor } from "../src/testing";
import { DAY, HOUR, type LiveWorld, liveWorld } from "./support/live-world";

/** A 1×1 PNG. */
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

describe("scheduling", () => {
  it("creates a live input per class; instructors run their own classes, admins all of them", async () => {
    const w = await liveWorld();
    const mine = await w.schedule(w.teacher);
    const theirs = await w.schedule(w.admin);
    expect(w.emulator.video).toBeDefined();
    expect(mine).toMatchObject({
      status: "scheduled",
      instructorUserId: w.instructor.id,
      liveInputUid: expect.any(String),
    });
    expect(JSON.stringify(mine)).not.toContain("streamKey");

    const teacherList = await w.teacher.live.list();
    expect(teacherList.scheduled.map((c) => c.id)).toEqual([mine.id]);
    const adminList = await w.admin.live.list();
    expect(adminList.scheduled.map((c) => c.id).sort()).toEqual([mine.id, theirs.id].sort());
    await expect(w.teacher.live.broadcast({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(w.teacher.live.byId({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await w.admin.live.byId({ id: mine.id })).toMatchObject({ id: mine.id, enrolled: 0, revenue: 0 });
    const details = await w.teacher.live.broadcast({ id: mine.id });
    expect(details.whipUrl).toContain("/webRTC/publish");
    expect(details.rtmps?.streamKey).toBeTruthy();

    await expect(
      w.teacher.live.create({
        title: "Yesterday",
        scheduledStart: new Date(w.now().getTime() - DAY),
        durationMinutes: 60,
        priceTokens: 0,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("future") });
  });
});

describe("thumbnails", () => {
  it("stores an uploaded image for the class cards, replaces it, and refuses what is not an image", async () => {
    const w = await liveWorld();
    const cls = await w.schedule(w.teacher);
    expect(cls.thumbnailUrl).toBeNull();
    const withImage = await w.teacher.live.setThumbnail({ id: cls.id, contentType: "image/png", data: PNG });
    expect(withImage.thumbnailUrl).toMatch(/^\/api\/images\/[0-9a-f-]{36}$/);
    const firstId = withImage.thumbnailUrl?.split("/").at(-1) ?? "";
    const [stored] = await w.deps.db.select().from(images).where(eq(images.id, firstId));
    expect(stored).toMatchObject({ tenantId: w.tenantId, contentType: "image/png", byteSize: 70 });

    const mia = await w.member(0);
    const list = await mia.caller.live.list();
    expect(list.upcoming.find((c) => c.id === cls.id)?.thumbnailUrl).toBe(withImage.thumbnailUrl);

    const replaced = await w.teacher.live.setThumbnail({ id: cls.id, contentType: "image/png", data: PNG });
    expect(replaced.thumbnailUrl).not.toBe(withImage.thumbnailUrl);
    expect(await w.deps.db.select().from(images).where(eq(images.id, firstId))).toEqual([]);

    const text = Buffer.from("<svg onload=alert(1)>").toString("base64");
    await expect(
      w.teacher.live.setThumbnail({ id: cls.id, contentType: "image/png", data: text }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose a JPEG, PNG or WebP image." });
    const other = await createUser();
    await addMember(w.tenantId, other.id, "instructor");
    const stranger = (await adminCaller({ userId: other.id, tenantSlug: w.tenant.slug, now: w.now })).caller;
    await expect(stranger.live.setThumbnail({ id: cls.id, contentType: "image/png", data: PNG })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    expect((await w.teacher.live.removeThumbnail({ id: cls.id })).thumbnailUrl).toBeNull();
  });
});

describe("enrolling", () => {
  it("spends the price once, refuses a short wallet, and lets a free class through", async () => {
    const w = await liveWorld();
    const paid = await w.schedule(w.teacher, { price: 10 });
    const free = await w.schedule(w.teacher, { price: 0 });
    const mia = await w.member(25);
    expect(await mia.caller.live.enroll({ id: paid.id })).toEqual({ enrolled: true, charged: true, balance: 15 });
    expect(await mia.caller.live.enroll({ id: paid.id })).toMatchObject({ enrolled: true, charged: false });
    expect(await balanceOf(w.deps.db, { tenantId: w.tenantId, userId: mia.user.id })).toBe(15);
    expect(await mia.caller.live.enroll({ id: free.id })).toMatchObject({ enrolled: true, charged: false });

    const broke = await w.member(5);
    await expect(broke.caller.live.enroll({ id: paid.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("you have 5"),
    });
    const seats = await w.deps.db.select().from(classEnrollments).where(eq(classEnrollments.userId, broke.user.id));
    expect(seats).toEqual([]);
    const list = await mia.caller.live.list();
    expect(list.upcoming.find((c) => c.id === paid.id)).toMatchObject({ enrolled: true, priceTokens: 10 });
    expect(JSON.stringify(list)).not.toMatch(/liveInput|streamKey|webRTC|rtmps/);
  });

  it("charges every one of 30 members once, and one member sending 10 requests once", async () => {
    const w = await liveWorld();
    const paid = await w.schedule(w.teacher, { price: 10 });
    const members = await Promise.all(Array.from({ length: 30 }, () => w.member(25)));
    const eager = await w.member(25);
    await Promise.all([
      ...members.map((m) => m.caller.live.enroll({ id: paid.id })),
      ...Array.from({ length: 10 }, () => eager.caller.live.enroll({ id: paid.id })),
    ]);
    const db = await testDb();
    for (const m of [...members, eager]) {
      expect(await balanceOf(db, { tenantId: w.tenantId, userId: m.user.id })).toBe(15);
      const [sum] = await db
        .select({ total: sql<number>`sum(${tokenLedger.delta})::int`, rows: sql<number>`count(*)::int` })
        .from(tokenLedger)
        .where(and(eq(tokenLedger.tenantId, w.tenantId), eq(tokenLedger.userId, m.user.id)));
      expect(sum).toEqual({ total: 15, rows: 2 });
    }
    const seats = await db.select().from(classEnrollments).where(eq(classEnrollments.classId, paid.id));
    expect(seats).toHaveLength(31);
    const list = await w.teacher.live.list();
    expect(list.scheduled[0]).toMatchObject({ enrolled: 31, revenue: 310 });
  });

  it("refunds every enrollee once when a class is cancelled, however often the cancel runs", async () => {
    const w = await liveWorld();
    const paid = await w.schedule(w.teacher, { price: 10 });
    const a = await w.member(25);
    const b = await w.member(10);
    await a.caller.live.enroll({ id: paid.id });
    await b.caller.live.enroll({ id: paid.id });
    const results = await Promise.all([w.teacher.live.cancel({ id: paid.id }), w.admin.live.cancel({ id: paid.id })]);
    expect(results[0].refunded + results[1].refunded).toBe(2);
    expect(await w.teacher.live.cancel({ id: paid.id })).toEqual({ refunded: 0 });
    expect(await balanceOf(w.deps.db, { tenantId: w.tenantId, userId: a.user.id })).toBe(25);
    expect(await balanceOf(w.deps.db, { tenantId: w.tenantId, userId: b.user.id })).toBe(10);
    expect((await a.caller.live.watch({ id: paid.id })).state).toBe("cancelled");
    await expect(a.caller.live.enroll({ id: paid.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("watching", () => {
  it("goes from scheduled to live (HLS for an encoder) to the replay, which closes after the replay period", async () => {
    const w = await liveWorld();
    const cls = await w.schedule(w.teacher, { price: 10, inHours: 0.1 });
    const mia = await w.member(25);
    const outsider = await w.member(25);
    await mia.caller.live.enroll({ id: cls.id });
    expect((await mia.caller.live.watch({ id: cls.id })).state).toBe("scheduled");
    expect((await outsider.caller.live.watch({ id: cls.id })).state).toBe("not_enrolled");

    // The encoder connects: the status job sees the input live and starts the class.
    await w.emulator.live.connect(cls.liveInputUid);
    w.emulator.live.setViewers(cls.liveInputUid, 4);
    const counts = await liveStatusJob.run(w.jobDeps(), w.now());
    expect(counts).toMatchObject({ started: 1, failed: 0 });
    const live = await mia.caller.live.watch({ id: cls.id });
    expect(live).toMatchObject({ state: "live", player: { kind: "hls" } });
    if (live.state !== "live") throw new Error("not live");
    expect(live.player.url).toMatch(/\/manifest\/video\.m3u8$/);
    expect(live.player.url).not.toContain(cls.liveInputUid);
    await liveStatusJob.run(w.jobDeps(), w.now());
    const [peak] = await w.deps.db.select().from(liveClasses).where(eq(liveClasses.id, cls.id));
    expect(peak).toMatchObject({ currentViewers: 4, peakViewers: 4 });

    const recordingUid = w.emulator.live.disconnect(cls.liveInputUid);
    expect(recordingUid).toBeTruthy();
    await waitFor(() => w.emulator.video(recordingUid ?? "")?.status.state === "ready");
    const ended = await w.teacher.live.end({ id: cls.id });
    expect(ended).toMatchObject({ status: "ended", recordingUid, recordingStatus: "ready" });
    const replay = await mia.caller.live.watch({ id: cls.id });
    expect(replay).toMatchObject({ state: "replay" });
    if (replay.state !== "replay") throw new Error("no replay");
    expect(replay.replayUntil.getTime()).toBe((ended.endedAt?.getTime() ?? 0) + 7 * DAY);

    w.advance(7 * DAY + 60_000);
    expect((await mia.caller.live.watch({ id: cls.id })).state).toBe("replay_expired");
  });

  it("plays a browser broadcast over WHEP and its uploaded recording as the replay", async () => {
    const w = await liveWorld();
    const cls = await w.schedule(w.teacher, { price: 0 });
    const mia = await w.member(0);
    await mia.caller.live.enroll({ id: cls.id });
    await w.teacher.live.setBroadcastMode({ id: cls.id, mode: "webrtc" });
    await w.teacher.live.markLive({ id: cls.id });
    const live = await mia.caller.live.watch({ id: cls.id });
    expect(live).toMatchObject({
      state: "live",
      player: { kind: "whep", url: expect.stringMatching(/\/webRTC\/play$/) },
    });
    const ended = await w.teacher.live.end({ id: cls.id });
    expect(ended.recordingStatus).toBe("none");
    expect((await mia.caller.live.watch({ id: cls.id })).state).toBe("replay_processing");
    const upload = await w.teacher.live.createRecordingUpload({ id: cls.id, sizeBytes: 1000 });
    expect(upload.uploadUrl).toBeTruthy();
    const [row] = await w.deps.db.select().from(liveClasses).where(eq(liveClasses.id, cls.id));
    expect(row).toMatchObject({ recordingUid: upload.uid, recordingStatus: "processing" });
  });

  it("builds a calendar entry with a stable UID, UTC times, the watch URL and a reminder an hour before", async () => {
    const w = await liveWorld();
    const cls = await w.schedule(w.teacher, { price: 0, inHours: 24 });
    const mia = await w.member(0);
    await expect(mia.caller.live.calendar({ id: cls.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await mia.caller.live.enroll({ id: cls.id });
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
    const first = await mia.caller.live.calendar({ id: cls.id }).then((c) => ({ ...c, content: unfold(c.content) }));
    const utc = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    const end = new Date(cls.scheduledStart.getTime() + 60 * 60_000);
    expect(first.filename).toMatch(/^randori-[a-z0-9-]+\.ics$/);
    expect(first.content).toContain(`UID:class-${cls.id}@marquee`);
    expect(first.content).toContain(`DTSTART:${utc(cls.scheduledStart)}`);
    expect(first.content).toContain(`DTEND:${utc(end)}`);
    expect(first.content).toContain(`SUMMARY:${cls.title}`);
    expect(first.content).toContain(`URL;VALUE=URI:http://marquee.test/${w.tenant.slug}/live/${cls.id}`);
    expect(first.content).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT1H[\s\S]*END:VALARM/);
    await w.teacher.live.update({
      id: cls.id,
      title: cls.title,
      description: "Moved",
      scheduledStart: new Date(cls.scheduledStart.getTime() + HOUR),
      durationMinutes: 60,
      priceTokens: 0,
      keepRecording: true,
    });
    const second = await mia.caller.live.calendar({ id: cls.id }).then((c) => ({ ...c, content: unfold(c.content) }));
    expect(second.content).toContain(`UID:class-${cls.id}@marquee`);
    const sequence = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
    expect(sequence(second.content)).toBeGreaterThanOrEqual(sequence(first.content));
    expect(second.content).toContain(`DTSTART:${utc(new Date(cls.scheduledStart.getTime() + HOUR))}`);
  });
});

describe("lifecycle jobs", () => {
  async function endedWithRecording(w: LiveWorld, keep: boolean) {
    const cls = await w.schedule(w.teacher, { price: 0, keep });
    await w.emulator.live.connect(cls.liveInputUid);
    await w.teacher.live.markLive({ id: cls.id });
    const uid = w.emulator.live.disconnect(cls.liveInputUid) ?? "";
    await waitFor(() => w.emulator.video(uid)?.status.state === "ready");
    await w.teacher.live.end({ id: cls.id });
    return { cls, uid };
  }

  it("deletes unkept recordings after the replay period and migrates kept ones after two months, once", async () => {
    const w = await liveWorld();
    const dropped = await endedWithRecording(w, false);
    const kept = await endedWithRecording(w, true);
    const thumbnail = (await w.admin.live.setThumbnail({ id: kept.cls.id, contentType: "image/png", data: PNG }))
      .thumbnailUrl;

    // The jobs are global: other tests' classes share the database, so only this world's rows are checked.
    const classRow = async (id: string) =>
      (await w.deps.db.select().from(liveClasses).where(eq(liveClasses.id, id)))[0];
    w.advance(6 * DAY);
    await recordingsCleanupJob.run(w.jobDeps(), w.now());
    expect(w.emulator.video(dropped.uid)?.status.state).toBe("ready");
    expect((await classRow(dropped.cls.id))?.recordingDeletedAt).toBeNull();

    w.advance(DAY + 60_000);
    const first = await recordingsCleanupJob.run(w.jobDeps(), w.now());
    expect(first.failed).toBe(0);
    expect(w.emulator.video(dropped.uid)).toBeUndefined();
    expect(w.emulator.video(kept.uid)?.status.state).toBe("ready");
    const deleted = await classRow(dropped.cls.id);
    expect(deleted).toMatchObject({ recordingStatus: "deleted" });
    await recordingsCleanupJob.run(w.jobDeps(), w.now());
    expect((await classRow(dropped.cls.id))?.recordingDeletedAt).toEqual(deleted?.recordingDeletedAt);

    await migrateToCatalogJob.run(w.jobDeps(), w.now());
    expect((await classRow(kept.cls.id))?.catalogVideoId).toBeNull();
    w.advance(60 * DAY);
    await Promise.all([migrateToCatalogJob.run(w.jobDeps(), w.now()), migrateToCatalogJob.run(w.jobDeps(), w.now())]);
    const catalog = await w.deps.db.select().from(videos).where(eq(videos.cloudflareUid, kept.uid));
    expect(catalog).toHaveLength(1);
    expect(catalog[0]).toMatchObject({ title: kept.cls.title, accessLevel: "members", status: "ready" });
    // The catalog video has its own copy of the class's thumbnail as its poster.
    expect(catalog[0]?.posterImageId).toBeTruthy();
    expect(thumbnail).not.toContain(catalog[0]?.posterImageId ?? "none");
    const listed = await w.admin.videos.list({});
    expect(listed.items.find((v) => v.id === catalog[0]?.id)?.thumbnailUrl).toBe(
      `/api/images/${catalog[0]?.posterImageId}`,
    );
    const linked = await classRow(kept.cls.id);
    expect(linked?.catalogVideoId).toBe(catalog[0]?.id);
    await migrateToCatalogJob.run(w.jobDeps(), w.now());
    expect(await w.deps.db.select().from(videos).where(eq(videos.cloudflareUid, kept.uid))).toHaveLength(1);
    expect((await classRow(kept.cls.id))?.updatedAt).toEqual(linked?.updatedAt);
    expect((await classRow(dropped.cls.id))?.catalogVideoId).toBeNull();
  });

  it("claims each slot once across concurrent schedulers", async () => {
    const w = await liveWorld();
    const at = new Date(Date.UTC(2031, 0, 1, 2, 0, 0));
    const slot = slotOf(recordingsCleanupJob, at);
    expect(slot.toISOString()).toBe("2031-01-01T02:00:00.000Z");
    const outcomes = await Promise.all([
      runJobSlot(w.jobDeps(), recordingsCleanupJob, slot),
      runJobSlot(w.jobDeps(), recordingsCleanupJob, slot),
    ]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
  });

  it("shows platform admins each job's recent runs, with counts, and its next slot", async () => {
    const w = await liveWorld();
    // A slot later than any other test's, so it is among the most recent runs listed.
    const slot = new Date(Date.UTC(2099, 0, 1 + Math.floor(Math.random() * 300), 3, 0, 0));
    await runJobSlot(w.jobDeps(), migrateToCatalogJob, slot);
    const platform = await createUser({ platformAdmin: true });
    const at = new Date();
    const { caller } = await adminCaller({ userId: platform.id, now: () => at });
    const { jobs } = await caller.jobs.list();
    expect(jobs.map((j) => j.name)).toEqual(
      expect.arrayContaining(["classes.liveStatus", "recordings.cleanup", "classes.migrateToCatalog"]),
    );
    const migrate = jobs.find((j) => j.name === "classes.migrateToCatalog");
    expect(migrate?.nextRunAt).toEqual(new Date(slotOf(migrateToCatalogJob, at).getTime() + DAY));
    expect(migrate?.nextRunAt.getUTCHours()).toBe(3);
    expect(migrate?.lastRuns[0]).toMatchObject({
      slot,
      status: "succeeded",
      counts: { migrated: expect.any(Number), skipped: expect.any(Number) },
      finishedAt: expect.any(Date),
    });
    expect(migrate?.lastRuns.length).toBeLessThanOrEqual(5);
    await expect(w.admin.jobs.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
