import { readFile } from "node:fs/promises";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  directUpload,
  fixtureVideo,
  type Harness,
  startEmulator,
  startReceiver,
  verifySignature,
  waitFor,
} from "./harness.ts";

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;
let clip: Buffer;

beforeAll(async () => {
  // Stages long enough for a 25 ms poll to see each of them even on a loaded machine.
  h = await startEmulator({ processing: { stepMs: 100 } });
  receiver = await startReceiver();
  const webhook = await h.cf.stream.webhooks.update({ account_id: h.account.accountId, notificationUrl: receiver.url });
  secret = String((webhook as { secret: string }).secret);
  clip = await readFile(await fixtureVideo());
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});

const deliveriesFor = (uid: string) =>
  receiver.received.filter((r) => (JSON.parse(r.body) as { uid: string }).uid === uid);

describe("direct creator upload", () => {
  it("goes pendingupload -> queued -> inprogress (pctComplete) -> ready and delivers a signed webhook", async () => {
    const states = new Set<string>();
    const { uid, response } = await directUpload(h, new Blob([clip]));
    expect(response.status).toBe(200);
    await waitFor(() => {
      const video = h.emulator.video(uid);
      states.add(
        `${video?.status.state}:${(video?.status as { pctComplete?: string } | undefined)?.pctComplete ?? ""}`,
      );
      return video?.status.state === "ready";
    });
    expect([...states]).toEqual(expect.arrayContaining(["queued:", "ready:100.000000"]));
    expect([...states].filter((s) => /^inprogress:(0|25|50|75)\.000000$/.test(s)).length).toBeGreaterThan(1);
    const [delivery] = await waitFor(() => deliveriesFor(uid).length > 0 && deliveriesFor(uid));
    expect(delivery && verifySignature(delivery, secret)).toBe(true);
    expect(JSON.parse(delivery?.body ?? "")).toMatchObject({ uid, readyToStream: true, status: { state: "ready" } });
    expect(JSON.parse(delivery?.body ?? "").duration).toBeCloseTo(3, 0);
  });

  it("fails a non-video file with ERR_NON_VIDEO and says so in the webhook", async () => {
    const { uid } = await directUpload(h, new Blob(["this is not a video"]));
    const [delivery] = await waitFor(() => deliveriesFor(uid).length > 0 && deliveriesFor(uid));
    expect(JSON.parse(delivery?.body ?? "")).toMatchObject({
      status: {
        state: "error",
        errorReasonCode: "ERR_NON_VIDEO",
        errorReasonText: expect.stringContaining("not recognized"),
      },
    });
  });

  it("fails a video longer than maxDurationSeconds with ERR_DURATION_EXCEED_CONSTRAINT", async () => {
    const { uid } = await directUpload(h, new Blob([clip]), { maxDurationSeconds: 1 });
    await waitFor(() => h.emulator.video(uid)?.status.state === "error");
    expect(h.emulator.video(uid)?.status.errorReasonCode).toBe("ERR_DURATION_EXCEED_CONSTRAINT");
  });
});

describe("tus", () => {
  it("uploads in chunks with tus-js-client through a direct_user=true creator URL", async () => {
    // The backend's half of the creator flow: an authenticated POST that hands the browser a Location.
    const created = await h.cf.stream
      .create({
        account_id: h.account.accountId,
        direct_user: true,
        "Tus-Resumable": "1.0.0",
        "Upload-Length": clip.length,
        "Upload-Metadata": `maxDurationSeconds ${Buffer.from("600").toString("base64")}, name ${Buffer.from("tus clip").toString("base64")}`,
      })
      .asResponse();
    expect(created.status).toBe(201);
    const uid = String(created.headers.get("stream-media-id"));
    const location = String(created.headers.get("location"));
    expect(location).toBe(`${h.url}/upload/tus/${uid}?tusv2=true`);
    expect(h.emulator.video(uid)).toMatchObject({
      status: { state: "pendingupload" },
      meta: { name: "tus clip" },
      maxDurationSeconds: 600,
    });

    // Abort after two chunks, as a closed tab or lost network would, then resume: the client HEADs for the offset.
    const chunks: number[] = [];
    let resumed = false;
    await new Promise<void>((resolve, reject) => {
      const upload = new tus.Upload(clip, {
        uploadUrl: location,
        chunkSize: 16 * 1024,
        onChunkComplete: (size) => {
          chunks.push(size);
          if (chunks.length === 2 && !resumed) {
            resumed = true;
            void upload.abort().then(() => upload.start());
          }
        },
        onSuccess: () => resolve(),
        onError: reject,
      });
      upload.start();
    });
    expect(resumed).toBe(true);
    expect(chunks.length).toBeGreaterThan(3);
    await waitFor(() => h.emulator.video(uid)?.status.state === "ready");
    const [delivery] = await waitFor(() => deliveriesFor(uid).length > 0 && deliveriesFor(uid));
    expect(delivery && verifySignature(delivery, secret)).toBe(true);
  });

  it("resumes with HEAD after an interrupted PATCH (API-token tus, raw requests)", async () => {
    const auth = { authorization: `Bearer ${h.account.apiToken}`, "tus-resumable": "1.0.0" };
    const created = await fetch(`${h.account.apiBaseUrl}/accounts/${h.account.accountId}/stream`, {
      method: "POST",
      headers: { ...auth, "upload-length": String(clip.length) },
    });
    const location = String(created.headers.get("location"));
    const uid = String(created.headers.get("stream-media-id"));
    expect(location).toBe(`${h.account.apiBaseUrl}/accounts/${h.account.accountId}/stream/${uid}`);

    // Send part of the file, then cut the connection mid-body.
    const half = Math.floor(clip.length / 2);
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(clip.subarray(0, half));
        setTimeout(() => controller.abort(), 150);
      },
    });
    const patch = { ...auth, "content-type": "application/offset+octet-stream", "upload-offset": "0" };
    const interrupted = await fetch(location, {
      method: "PATCH",
      headers: patch,
      body,
      signal: controller.signal,
      duplex: "half",
    } as RequestInit).catch((error: unknown) => error);
    expect(interrupted).toBeInstanceOf(Error);

    const offset = await waitFor(async () => {
      const head = await fetch(location, { method: "HEAD", headers: auth });
      return (
        head.status === 200 &&
        Number(head.headers.get("upload-offset")) > 0 &&
        Number(head.headers.get("upload-offset"))
      );
    });
    expect(offset).toBeLessThanOrEqual(half);
    const resumed = await fetch(location, {
      method: "PATCH",
      headers: { ...patch, "upload-offset": String(offset) },
      body: clip.subarray(offset),
    });
    expect(resumed.status).toBe(204);
    expect(resumed.headers.get("upload-offset")).toBe(String(clip.length));
    await waitFor(() => h.emulator.video(uid)?.status.state === "ready");
    expect(h.emulator.video(uid)?.size).toBe(clip.length);
    const [delivery] = await waitFor(() => deliveriesFor(uid).length > 0 && deliveriesFor(uid));
    expect(delivery && verifySignature(delivery, secret)).toBe(true);
  });

  it("exposes Location and stream-media-id to browsers", async () => {
    const response = await h.cf.stream
      .create({ account_id: h.account.accountId, direct_user: true, "Tus-Resumable": "1.0.0", "Upload-Length": 10 })
      .asResponse();
    expect(response.headers.get("access-control-expose-headers")).toMatch(
      /Location.*stream-media-id|stream-media-id.*Location/s,
    );
    const preflight = await fetch(String(response.headers.get("location")), {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "PATCH" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PATCH");
  });
});
