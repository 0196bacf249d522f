import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startEmulator, uploadReadyVideo, waitFor } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startEmulator();
});
afterAll(() => h.close());

type Listed = { duration: number; uri: string };
const listed = (playlist: string): Listed[] =>
  [...playlist.matchAll(/#EXTINF:([\d.]+),\n(\S+)/g)].map((m) => ({ duration: Number(m[1]), uri: String(m[2]) }));
const minutesOf = (list: { duration: number }[]) => list.reduce((sum, s) => sum + s.duration, 0) / 60;

async function get(url: string) {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
}

function deliveredTo(harness: Harness, uid: string, day?: string) {
  return harness.emulator.analytics.minutesDelivered(harness.account.accountId, day).find((row) => row.uid === uid)
    ?.minutes;
}

describe("minutes delivered", () => {
  it("adds each served segment's duration to its video; playlists and thumbnails are free", async () => {
    const uid = await uploadReadyVideo(h);
    const base = `${h.account.customerDomain}/${uid}`;
    expect(await get(`${base}/manifest/video.m3u8`)).toBe(200);
    const segments = listed(await (await fetch(`${base}/manifest/stream.m3u8`)).text());
    expect(await get(`${base}/thumbnails/thumbnail.jpg?width=64&height=64`)).toBe(200);
    expect(segments.length).toBeGreaterThan(0);
    expect(deliveredTo(h, uid)).toBeUndefined();

    for (const segment of segments) expect(await get(`${base}/manifest/${segment.uri}`)).toBe(200);
    expect(deliveredTo(h, uid)).toBeCloseTo(minutesOf(segments), 4);
    expect(minutesOf(segments)).toBeCloseTo(Number(h.emulator.video(uid)?.duration) / 60, 2);

    // A segment fetched again (a rewatch, another viewer) is delivered, and billed, again.
    const first = segments[0] as Listed;
    expect(await get(`${base}/manifest/${first.uri}`)).toBe(200);
    expect(deliveredTo(h, uid)).toBeCloseTo(minutesOf([...segments, first]), 4);
    expect(await get(`${base}/manifest/seg/99.ts`)).toBe(404);
    expect(deliveredTo(h, uid)).toBeCloseTo(minutesOf([...segments, first]), 4);
  });

  it("counts a live broadcast and its recording under the recording's uid, and a live-only input under its own", async () => {
    const account_id = h.account.accountId;
    const input = await h.cf.stream.liveInputs.create({ account_id, recording: { mode: "automatic" } });
    const inputUid = String(input.uid);
    const { videoUid } = await h.emulator.live.connect(inputUid);
    if (!videoUid) throw new Error("a recording input makes a video");
    const live = listed(await (await fetch(`${h.account.customerDomain}/${inputUid}/manifest/stream.m3u8`)).text());
    const first = live[0] as Listed;
    expect(await get(`${h.account.customerDomain}/${inputUid}/manifest/${first.uri}`)).toBe(200);
    expect(deliveredTo(h, videoUid)).toBeCloseTo(first.duration / 60, 4);
    expect(deliveredTo(h, inputUid)).toBeUndefined();

    h.emulator.live.disconnect(inputUid);
    await waitFor(() => h.emulator.video(videoUid)?.status.state === "ready");
    const recording = `${h.account.customerDomain}/${videoUid}/manifest`;
    const recorded = listed(await (await fetch(`${recording}/stream.m3u8`)).text());
    for (const segment of recorded) expect(await get(`${recording}/${segment.uri}`)).toBe(200);
    expect(deliveredTo(h, videoUid)).toBeCloseTo(minutesOf([first, ...recorded]), 4);

    const liveOnly = await h.cf.stream.liveInputs.create({ account_id, recording: { mode: "off" } });
    const liveOnlyUid = String(liveOnly.uid);
    await h.emulator.live.connect(liveOnlyUid);
    expect(await get(`${h.account.customerDomain}/${liveOnlyUid}/manifest/seg/0.ts`)).toBe(200);
    expect(deliveredTo(h, liveOnlyUid)).toBeCloseTo(first.duration / 60, 4);
    h.emulator.live.disconnect(liveOnlyUid);
  });

  it("keeps storage-usage the sum of stored durations, each rounded up to the second", async () => {
    const other = await h.emulator.createAccount();
    const harness = { ...h, account: other, cf: h.sdk(other.apiToken) };
    const uids = [await uploadReadyVideo(harness), await uploadReadyVideo(harness)];
    const seconds = uids.reduce((sum, uid) => sum + Math.ceil(Number(h.emulator.video(uid)?.duration)), 0);
    const usage = await harness.cf.stream.videos.storageUsage({ account_id: other.accountId });
    expect(usage).toEqual({
      totalStorageMinutes: Math.round((seconds / 60) * 1000) / 1000,
      totalStorageMinutesLimit: 1000,
      videoCount: 2,
    });
    // Delivery never changes storage.
    expect(await get(`${other.customerDomain}/${uids[0]}/manifest/seg/0.ts`)).toBe(200);
    await expect(harness.cf.stream.videos.storageUsage({ account_id: other.accountId })).resolves.toEqual(usage);
  });
});

describe("day buckets", () => {
  it("files minutes under the UTC day of the emulator clock when the segment is served", async () => {
    let now = Date.parse("2026-05-31T23:59:50Z");
    const d = await startEmulator({ now: () => new Date(now) });
    try {
      const uid = await uploadReadyVideo(d);
      const segment = `${d.account.customerDomain}/${uid}/manifest/seg/0.ts`;
      const [first] = listed(await (await fetch(`${d.account.customerDomain}/${uid}/manifest/stream.m3u8`)).text());
      expect(await get(segment)).toBe(200);
      now = Date.parse("2026-06-01T00:00:05Z");
      expect(await get(segment)).toBe(200);
      expect(await get(segment)).toBe(200);

      const perSegment = Number(first?.duration) / 60;
      expect(deliveredTo(d, uid, "2026-05-31")).toBeCloseTo(perSegment, 4);
      expect(deliveredTo(d, uid, "2026-06-01")).toBeCloseTo(2 * perSegment, 4);
      expect(deliveredTo(d, uid)).toBeCloseTo(2 * perSegment, 4);
      expect(d.emulator.analytics.minutesDelivered(d.account.accountId, "2026-05-30")).toEqual([]);

      // Seeded figures land on the day of `at`, whatever the clock says.
      d.emulator.analytics.recordDelivery(d.account.accountId, uid, 10, "2026-05-30T12:00:00Z");
      expect(d.emulator.analytics.minutesDelivered(d.account.accountId, "2026-05-30")).toEqual([{ uid, minutes: 10 }]);
    } finally {
      await d.close();
    }
  });
});
