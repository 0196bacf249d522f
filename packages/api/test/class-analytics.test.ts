import { classAttendance, liveClasses } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { liveStatusJob } from "../src/jobs";
import { dayOf } from "../src/services/analytics/rollup";
import { addMember, adminCaller, createUser } from "../src/testing";
import { HOUR, liveWorld } from "./support/live-world";

const SECOND = 1000;

describe("class attendance", () => {
  it("counts each seat's live and replay seconds, keeps the concurrent peak, and counts no one else", async () => {
    const w = await liveWorld();
    const cls = await w.schedule(w.teacher, { price: 10 });
    const [mia, max, zoe] = await Promise.all([w.member(20), w.member(20), w.member(20)]);
    await mia.caller.live.enroll({ id: cls.id });
    await max.caller.live.enroll({ id: cls.id });
    const live = (caller: typeof mia.caller, watchedSeconds: number) =>
      caller.live.heartbeat({ classId: cls.id, kind: "live", watchedSeconds });
    const seconds = async (userId: string, kind: "live" | "replay") =>
      (
        await w.deps.db
          .select({ s: classAttendance.secondsWatched })
          .from(classAttendance)
          .where(
            and(
              eq(classAttendance.classId, cls.id),
              eq(classAttendance.userId, userId),
              eq(classAttendance.kind, kind),
            ),
          )
      )[0]?.s ?? null;
    const audience = async () =>
      (
        await w.deps.db
          .select({ current: liveClasses.currentViewers, peak: liveClasses.peakViewers })
          .from(liveClasses)
          .where(eq(liveClasses.id, cls.id))
      )[0];

    // Before the class begins nothing is counted; someone without a seat is refused.
    expect(await live(mia.caller, 15)).toEqual({ recorded: false });
    await expect(live(zoe.caller, 15)).rejects.toMatchObject({ code: "FORBIDDEN" });

    w.advance(HOUR);
    await w.teacher.live.setBroadcastMode({ id: cls.id, mode: "webrtc" });
    await w.teacher.live.markLive({ id: cls.id });
    expect(await live(mia.caller, 15)).toEqual({ recorded: true });
    expect(await live(max.caller, 15)).toEqual({ recorded: true });
    expect(await audience()).toEqual({ current: 2, peak: 2 });

    w.advance(15 * SECOND);
    await live(mia.caller, 15);
    // A beat never adds more than the time since the previous one (plus 5 s of slack).
    w.advance(10 * SECOND);
    await live(mia.caller, 60);
    expect(await seconds(mia.user.id, "live")).toBe(15 + 15 + 15);
    expect(await seconds(max.user.id, "live")).toBe(15);

    // Max stopped beating 25 s ago: still in the audience; a minute later he has left it.
    await liveStatusJob.run(w.jobDeps(), w.now());
    expect(await audience()).toEqual({ current: 2, peak: 2 });
    w.advance(60 * SECOND);
    await live(mia.caller, 15);
    // A beat writes the class only for a new peak; the status job refreshes the current figure.
    expect(await audience()).toEqual({ current: 2, peak: 2 });
    await liveStatusJob.run(w.jobDeps(), w.now());
    expect(await audience()).toEqual({ current: 1, peak: 2 });

    await w.teacher.live.end({ id: cls.id });
    // The page had not noticed the end yet: a last live beat still counts; a replay beat waits for the recording.
    w.advance(20 * SECOND);
    expect(await live(max.caller, 15)).toEqual({ recorded: true });
    const replay = (caller: typeof mia.caller, watchedSeconds: number) =>
      caller.live.heartbeat({ classId: cls.id, kind: "replay", watchedSeconds });
    expect(await replay(mia.caller, 30)).toEqual({ recorded: false });
    await w.deps.db.update(liveClasses).set({ recordingStatus: "ready" }).where(eq(liveClasses.id, cls.id));
    expect(await replay(mia.caller, 30)).toEqual({ recorded: true });
    w.advance(10 * 60 * SECOND);
    expect(await live(mia.caller, 15)).toEqual({ recorded: false });
    expect(await seconds(mia.user.id, "live")).toBe(60);
    expect(await seconds(max.user.id, "live")).toBe(30);
    expect(await seconds(mia.user.id, "replay")).toBe(30);
    expect(await seconds(zoe.user.id, "live")).toBeNull();

    const detail = await w.teacher.analytics.class({ classId: cls.id });
    expect(detail.totals).toMatchObject({
      enrolled: 2,
      tokens: 20,
      attended: 2,
      attendedLive: 2,
      watchedReplay: 1,
      attendanceRate: 1,
      liveMinutes: 2, // 90 s
      replayMinutes: 1, // 30 s
      minutesPerAttendee: 1, // 120 s over two members
      peakViewers: 2,
      otherViewers: 0,
    });
    expect(detail.enrollments.map((e) => [e.userId, e.liveMinutes, e.replayMinutes, e.attended])).toEqual([
      [mia.user.id, 1, 0.5, true],
      [max.user.id, 0.5, 0, true],
    ]);
  });
});

describe("class analytics", () => {
  it("shows instructors only the classes they teach, admins every class, members nothing", async () => {
    const w = await liveWorld();
    const mine = await w.schedule(w.teacher, { price: 5 });
    const theirs = await w.schedule(w.admin, { price: 7 });
    const mia = await w.member(30);
    await mia.caller.live.enroll({ id: mine.id });
    await mia.caller.live.enroll({ id: theirs.id });
    const other = await createUser();
    await addMember(w.tenantId, other.id, "instructor");
    const stranger = (await adminCaller({ userId: other.id, tenantSlug: w.tenant.slug, now: w.now })).caller;
    const period = { from: dayOf(w.now()), to: dayOf(new Date(w.now().getTime() + 2 * HOUR)) };

    const teacherView = await w.teacher.analytics.classes(period);
    expect(teacherView.classes.map((c) => [c.id, c.enrolled, c.tokens])).toEqual([[mine.id, 1, 5]]);
    expect(teacherView.totals).toMatchObject({
      classes: 1,
      enrollments: 1,
      enrollmentsHeld: 0,
      tokens: 5,
      attendanceRate: null,
    });
    const adminView = await w.admin.analytics.classes(period);
    expect(adminView.classes.map((c) => c.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(adminView.totals).toMatchObject({ classes: 2, enrollments: 2, tokens: 12 });
    expect((await stranger.analytics.classes(period)).classes).toEqual([]);

    await expect(w.teacher.analytics.class({ classId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.analytics.class({ classId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await w.admin.analytics.class({ classId: mine.id })).enrollments).toHaveLength(1);
    // The tenant's own figures stay with its admins.
    await expect(w.teacher.analytics.summary(period)).rejects.toMatchObject({ code: "FORBIDDEN" });

    // A cancelled class counts for nothing: its seats were refunded.
    await w.admin.live.cancel({ id: theirs.id });
    expect((await w.admin.analytics.classes(period)).totals).toMatchObject({ classes: 1, enrollments: 1, tokens: 5 });
    expect((await w.admin.analytics.summary(period)).classes).toMatchObject({ classes: 1, enrollments: 1, tokens: 5 });
  });
});
