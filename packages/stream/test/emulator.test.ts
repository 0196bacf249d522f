import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { type AccountInfo, type ServedEmulator, serveCloudflareEmulator } from "@marquee/emulators";
import { readTestVideo } from "@marquee/emulators/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CreatedSigningKey,
  createAccountPauses,
  createStreamClient,
  iframeUrl,
  parseVideoWebhook,
  playbackUrls,
  type StreamClient,
  type StreamClientConfig,
  signPlaybackToken,
  thumbnailUrl,
  verifyWebhookSignature,
} from "../src";
import { waitFor } from "./support/wait-for";

let served: ServedEmulator;
let account: AccountInfo;
let stream: StreamClient;
let clip: Uint8Array;

function clientFor(info: AccountInfo, overrides: Partial<StreamClientConfig> = {}) {
  return createStreamClient({
    accountId: info.accountId,
    apiToken: info.apiToken,
    apiBaseUrl: info.apiBaseUrl,
    customerDomain: info.customerDomain,
    accountPauses: createAccountPauses(),
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    ...overrides,
  });
}

async function uploadReadyVideo(fields: { name: string; requireSignedURLs?: boolean }): Promise<string> {
  const upload = await stream.createDirectUpload({
    maxDurationSeconds: 60,
    meta: { name: fields.name },
    requireSignedURLs: fields.requireSignedURLs,
  });
  const form = new FormData();
  form.append("file", new Blob([clip], { type: "video/mp4" }), "clip.mp4");
  expect((await fetch(upload.uploadUrl, { method: "POST", body: form })).status).toBe(200);
  await waitFor(async () => (await stream.getVideo(upload.uid)).state === "ready");
  return upload.uid;
}

beforeAll(async () => {
  [served, clip] = await Promise.all([
    serveCloudflareEmulator({ processing: { stepMs: 20 }, webhookRetry: { attempts: 1 }, log: () => {} }),
    readTestVideo(),
  ]);
  account = await served.emulator.createAccount();
  stream = clientFor(account);
});

afterAll(async () => {
  await served?.close();
});

describe("account", () => {
  it("verifies the token and reads storage usage", async () => {
    await expect(stream.verifyToken()).resolves.toMatchObject({ status: "active" });
    const { storage } = await stream.checkConnection();
    expect(storage).toMatchObject({ totalStorageMinutesLimit: 1000 });
  });

  it("rejects an unknown token with the permission message", async () => {
    const wrong = clientFor({ ...account, apiToken: "not-a-token" });
    await expect(wrong.verifyToken()).rejects.toMatchObject({ kind: "auth" });
    await expect(wrong.listVideos()).rejects.toMatchObject({ kind: "auth", message: /Stream Read and Edit/ });
  });
});

describe("videos", () => {
  it("creates a direct upload, then gets, lists, renames and deletes the video (404 counting as deleted)", async () => {
    const upload = await stream.createDirectUpload({ maxDurationSeconds: 60, meta: { name: "Pending one" } });
    expect(upload.uploadUrl).toContain(upload.uid);
    await expect(stream.getVideo(upload.uid)).resolves.toMatchObject({ state: "pendingupload", name: "Pending one" });

    const uid = await uploadReadyVideo({ name: "Library clip" });
    const ready = await stream.getVideo(uid);
    expect(ready).toMatchObject({ readyToStream: true, meta: { filename: "clip.mp4" } });
    expect(ready.durationSeconds).toBeGreaterThan(1);

    const page = await stream.listVideos({ search: "Library" });
    expect(page.videos.map((v) => v.uid)).toEqual([uid]);
    await expect(stream.listVideos({ status: "pendingupload" })).resolves.toMatchObject({
      videos: [{ uid: upload.uid }],
    });

    const renamed = await stream.updateVideo(uid, { name: "Renamed clip", thumbnailTimestampPct: 0.5 });
    expect(renamed).toMatchObject({ name: "Renamed clip", thumbnailTimestampPct: 0.5, meta: { filename: "clip.mp4" } });

    await stream.deleteVideo(uid);
    await expect(stream.getVideo(uid)).rejects.toMatchObject({ kind: "not_found" });
    await expect(stream.deleteVideo(uid)).resolves.toBeUndefined();
  });

  it("creates a tus upload the browser can finish at the returned Location", async () => {
    const upload = await stream.createTusUpload({
      uploadLength: clip.byteLength,
      metadata: { name: "Tus clip", maxDurationSeconds: 60, requireSignedURLs: true },
    });
    await expect(stream.getVideo(upload.uid)).resolves.toMatchObject({
      state: "pendingupload",
      name: "Tus clip",
      requireSignedURLs: true,
    });
    const patch = await fetch(upload.uploadUrl, {
      method: "PATCH",
      headers: { "tus-resumable": "1.0.0", "upload-offset": "0", "content-type": "application/offset+octet-stream" },
      body: clip,
    });
    expect(patch.status).toBe(204);
    await waitFor(async () => (await stream.getVideo(upload.uid)).state === "ready");
  });

  it("uploads, lists and deletes captions", async () => {
    const uid = await uploadReadyVideo({ name: "Captioned" });
    const caption = await stream.uploadCaption(uid, "de", "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n");
    expect(caption).toEqual({ language: "de", label: "Deutsch", generated: false, status: "ready" });
    await expect(stream.listCaptions(uid)).resolves.toEqual([caption]);
    await stream.deleteCaption(uid, "de");
    await expect(stream.listCaptions(uid)).resolves.toEqual([]);
    await expect(stream.deleteCaption(uid, "de")).resolves.toBeUndefined();
  });
});

describe("signed playback", () => {
  let signedUid: string;
  let key: CreatedSigningKey;

  beforeAll(async () => {
    signedUid = await uploadReadyVideo({ name: "Members only", requireSignedURLs: true });
    key = await stream.createSigningKey();
  });

  const manifestStatus = async (id: string) => (await fetch(playbackUrls(account.customerDomain, id).hls)).status;

  it("opens a requireSignedURLs manifest, thumbnail and iframe with our token, not with the bare uid", async () => {
    expect(await manifestStatus(signedUid)).toBe(401);
    for (const privateKey of [key.pem, key.jwk]) {
      const token = await signPlaybackToken({ keyId: key.id, privateKey, videoUid: signedUid });
      const manifest = await fetch(playbackUrls(account.customerDomain, token).hls);
      expect(manifest.status).toBe(200);
      expect(await manifest.text()).toContain("#EXTM3U");
      const thumb = await fetch(thumbnailUrl(account.customerDomain, token, { time: 1, width: 160, height: 90 }));
      expect(thumb.status).toBe(200);
      expect(thumb.headers.get("content-type")).toContain("image/jpeg");
      expect((await fetch(iframeUrl(account.customerDomain, token, { autoplay: true, muted: true }))).status).toBe(200);
    }
    await expect(stream.listSigningKeys()).resolves.toContainEqual({ id: key.id, created: key.created });
  });

  it("answers 401 for an expired token, another account's video and a foreign key", async () => {
    const expired = await signPlaybackToken({
      keyId: key.id,
      privateKey: key.pem,
      videoUid: signedUid,
      expiresInSeconds: 3600,
      now: new Date(Date.now() - 2 * 3600_000),
    });
    expect(await manifestStatus(expired)).toBe(401);

    const elsewhere = clientFor(await served.emulator.createAccount());
    const foreignKey = await elsewhere.createSigningKey();
    // Another tenant's token (its own key, its own video) does not open anything on this account.
    const otherVideo = await elsewhere.createDirectUpload({ maxDurationSeconds: 60 });
    const otherTenant = await signPlaybackToken({
      keyId: foreignKey.id,
      privateKey: foreignKey.pem,
      videoUid: otherVideo.uid,
    });
    expect(await manifestStatus(otherTenant)).toBe(401);
    // Our key id on a token signed with someone else's key material.
    const forged = await signPlaybackToken({ keyId: key.id, privateKey: foreignKey.pem, videoUid: signedUid });
    expect(await manifestStatus(forged)).toBe(401);
  });

  it("revokes every token of a deleted key", async () => {
    const doomed = await stream.createSigningKey();
    const token = await signPlaybackToken({ keyId: doomed.id, privateKey: doomed.jwk, videoUid: signedUid });
    expect(await manifestStatus(token)).toBe(200);
    await stream.deleteSigningKey(doomed.id);
    expect(await manifestStatus(token)).toBe(401);
    await expect(stream.deleteSigningKey(doomed.id)).resolves.toBeUndefined();
  });
});

describe("webhook", () => {
  it("sets the webhook and verifies a real delivery against the returned secret", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      const subscription = await stream.setWebhook(url);
      expect(subscription.notificationUrl).toBe(url);
      await expect(stream.getWebhook()).resolves.toEqual(subscription);

      const uid = await uploadReadyVideo({ name: "Announced" });
      const delivery = await waitFor(async () => received.find((r) => r.body.includes(uid)));
      const header = delivery.headers["webhook-signature"];
      const verdict = verifyWebhookSignature({
        header: typeof header === "string" ? header : undefined,
        rawBody: delivery.body,
        secret: subscription.secret,
      });
      expect(verdict).toMatchObject({ ok: true });
      expect(verifyWebhookSignature({ header: String(header), rawBody: delivery.body, secret: "wrong" })).toEqual({
        ok: false,
        reason: "mismatch",
      });
      expect(parseVideoWebhook(delivery.body)).toMatchObject({ uid });

      await stream.deleteWebhook();
      await expect(stream.getWebhook()).resolves.toBeNull();
      await expect(stream.deleteWebhook()).resolves.toBeUndefined();
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe("live inputs", () => {
  it("creates a recording input, lists its recording while live, updates and deletes it", async () => {
    const input = await stream.createLiveInput({ name: "Morning class", recording: { requireSignedURLs: true } });
    expect(input).toMatchObject({ name: "Morning class", recording: { mode: "automatic", requireSignedURLs: true } });
    expect(input.rtmps?.streamKey).toBeTruthy();
    expect(input.webRtcUrl).toBeTruthy();
    await expect(stream.listLiveInputs()).resolves.toContainEqual(expect.objectContaining({ uid: input.uid }));

    await served.emulator.live.connect(input.uid);
    const recordings = await stream.listLiveInputRecordings(input.uid);
    expect(recordings).toMatchObject([{ liveInputUid: input.uid, state: "live-inprogress" }]);
    served.emulator.live.disconnect(input.uid);

    const updated = await stream.updateLiveInput(input.uid, { name: "Evening class", enabled: false });
    expect(updated).toMatchObject({ name: "Evening class", enabled: false });
    await expect(stream.getLiveInput(input.uid)).resolves.toMatchObject({ name: "Evening class" });

    await stream.deleteLiveInput(input.uid);
    await expect(stream.getLiveInput(input.uid)).rejects.toMatchObject({ kind: "not_found" });
    await expect(stream.deleteLiveInput(input.uid)).resolves.toBeUndefined();
  });

  it("reads whether an input is live, its recording and its viewers from the customer domain", async () => {
    const input = await stream.createLiveInput({ name: "Live status" });
    await expect(stream.getLiveStatus(input.uid)).resolves.toEqual({ live: false, videoUid: null });
    await served.emulator.live.connect(input.uid);
    served.emulator.live.setViewers(input.uid, 7);
    const status = await stream.getLiveStatus(input.uid);
    expect(status.live).toBe(true);
    expect(status.videoUid).toMatch(/^[0-9a-f]{32}$/);
    await expect(stream.getLiveViewers(input.uid)).resolves.toBe(7);
    served.emulator.live.disconnect(input.uid);
    await expect(stream.getLiveStatus(input.uid)).resolves.toMatchObject({ live: false });
    await expect(stream.getLiveStatus("0".repeat(32))).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("faults injected by the emulator", () => {
  const listPath = "^/client/v4/accounts/[^/]+/stream$";

  it("retries a 429 after its Retry-After and succeeds", async () => {
    served.emulator.faults.add({ path: listPath, method: "GET", status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    await expect(stream.listVideos()).resolves.toMatchObject({ videos: expect.any(Array) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("gives a clear error when 5xx lasts longer than the retry budget", async () => {
    served.emulator.faults.add({ path: listPath, method: "GET", status: 503, durationMs: 60_000 });
    try {
      await expect(stream.listVideos()).rejects.toMatchObject({
        kind: "unavailable",
        status: 503,
        message: "Cloudflare is not responding; try again in a minute",
      });
    } finally {
      served.emulator.faults.clear();
    }
  });

  it("pauses the account after a long Retry-After instead of calling into the block", async () => {
    const paused = clientFor(account);
    served.emulator.faults.add({ path: listPath, method: "GET", status: 429, retryAfterSeconds: 300, times: 1 });
    const first = await paused.listVideos().catch((error: unknown) => error);
    expect(first).toMatchObject({ kind: "rate_limited", status: 429 });
    // The fault fired once and is gone: had this call reached the emulator, it would have succeeded.
    await expect(paused.getVideo("0".repeat(32))).rejects.toMatchObject({ kind: "rate_limited" });
  });
});
