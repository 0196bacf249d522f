import { jobRuns, videos } from "@marquee/db";
import { readTestVideo } from "@marquee/emulators/testing";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reconcileVideosJob } from "../src/jobs/reconcile-videos";
import { runJobSlot, slotOf } from "../src/jobs/runner";
import { createVideoUpload } from "../src/services/videos/uploads";
import { connectedTenant, waitFor } from "../src/testing";

describe("reconcile-videos job", () => {
  it("makes a video whose webhook never arrived ready, once, however many replicas run the slot", async () => {
    const connected = await connectedTenant();
    const { tenantId, emulator } = connected;
    const db = connected.deps.db;
    const deps = { ...connected.deps, now: () => new Date() };

    const upload = await createVideoUpload(deps, tenantId, {
      kind: "direct",
      title: "Lost webhook",
      maxDurationSeconds: 60,
      accessLevel: "members",
    });
    const form = new FormData();
    form.append("file", new Blob([await readTestVideo()], { type: "video/mp4" }), "clip.mp4");
    // The test environment's webhook URL points nowhere: the delivery is lost.
    const posted = await emulator.app.fetch(new Request(upload.uploadUrl, { method: "POST", body: form }));
    expect(posted.status).toBe(200);
    await waitFor(() => emulator.video(upload.uid)?.status?.state === "ready");
    const [pending] = await db.select().from(videos).where(eq(videos.id, upload.videoId));
    expect(pending?.status).toBe("pendingupload");

    // Not yet 15 minutes old: left alone.
    const early = await runJobSlot(deps, reconcileVideosJob, new Date(Date.now() - 20 * 60_000));
    expect(early).toMatchObject({ ran: true, status: "succeeded" });
    expect((await db.select().from(videos).where(eq(videos.id, upload.videoId)))[0]?.status).toBe("pendingupload");

    await db
      .update(videos)
      .set({ createdAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(videos.id, upload.videoId));
    const slot = slotOf(reconcileVideosJob, new Date());
    const outcomes = await Promise.all([
      runJobSlot(deps, reconcileVideosJob, slot),
      runJobSlot(deps, reconcileVideosJob, slot),
    ]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    const [ready] = await db.select().from(videos).where(eq(videos.id, upload.videoId));
    expect(ready).toMatchObject({ status: "ready", width: 320, height: 240 });
    expect(ready?.durationSeconds).toBeGreaterThan(3);
    const runs = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, "reconcile-videos"), eq(jobRuns.slot, slot)));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe("succeeded");
    expect(runs[0]?.counts.updated).toBeGreaterThanOrEqual(1);
  });

  it("puts slots on the schedule: every 10 minutes, or daily at a UTC hour", () => {
    expect(slotOf(reconcileVideosJob, new Date("2026-11-23T12:37:45Z")).toISOString()).toBe("2026-11-23T12:30:00.000Z");
    const daily = { everyMs: 86_400_000, offsetMs: 2 * 3_600_000 };
    expect(slotOf(daily, new Date("2026-11-23T01:59:00Z")).toISOString()).toBe("2026-11-22T02:00:00.000Z");
    expect(slotOf(daily, new Date("2026-11-23T02:00:00Z")).toISOString()).toBe("2026-11-23T02:00:00.000Z");
  });
});
