import { readFile } from "node:fs/promises";
import Cloudflare from "cloudflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directUpload, fixtureVideo, type Harness, startEmulator, uploadReadyVideo } from "./harness.ts";
import { expectMatchesSpec } from "./schema.ts";

let h: Harness;
let ready: string;
beforeAll(async () => {
  h = await startEmulator();
  ready = await uploadReadyVideo(h);
});
afterAll(() => h.close());

const videoPath = "/accounts/{account_id}/stream/{identifier}";

describe("token verification", () => {
  it("verifies the account token on the user and account endpoints", async () => {
    const user = await h.cf.user.tokens.verify();
    expect(user.status).toBe("active");
    expectMatchesSpec("get", "/user/tokens/verify", 200, h.last().body);
    const account = await h.cf.accounts.tokens.verify({ account_id: h.account.accountId });
    expect(account.id).toBe(user.id);
  });

  it("rejects an unknown token with 1000 Invalid API Token", async () => {
    const error = await h
      .sdk("not-a-token")
      .user.tokens.verify()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cloudflare.AuthenticationError);
    expect(h.last().body).toMatchObject({ success: false, errors: [{ code: 1000, message: "Invalid API Token" }] });
  });

  it("answers expired for an expired token", async () => {
    const response = await fetch(`${h.control}/accounts/${h.account.accountId}/tokens`, {
      method: "POST",
      body: JSON.stringify({ expiresOn: "2020-01-01T00:00:00Z" }),
    });
    const { apiToken } = (await response.json()) as { apiToken: string };
    await expect(h.sdk(apiToken).user.tokens.verify()).rejects.toThrow();
    expect(h.last().body).toMatchObject({ errors: [{ code: 10003 }], result: { status: "expired" } });
  });
});

describe("videos", () => {
  it("gets a ready video with playback URLs on the customer domain", async () => {
    const video = await h.cf.stream.get(ready, { account_id: h.account.accountId });
    expectMatchesSpec("get", videoPath, 200, h.last().body);
    expect(video).toMatchObject({
      uid: ready,
      readyToStream: true,
      status: { state: "ready", pctComplete: "100.000000" },
    });
    expect(video.duration).toBeCloseTo(3, 0);
    expect(video.input).toEqual({ width: 320, height: 240 });
    expect(video.playback?.hls).toBe(`${h.account.customerDomain}/${ready}/manifest/video.m3u8`);
  });

  it("lists with search, status, creator and cursor paging; range and total at the top level", async () => {
    const account_id = h.account.accountId;
    const created: string[] = [];
    for (const name of ["puppy one", "Puppy two", "kitten"]) {
      const { uid } = await h.cf.stream.directUpload.create({
        account_id,
        maxDurationSeconds: 30,
        meta: { name },
        creator: "c1",
      });
      created.push(String(uid));
    }
    const page = await h.cf.stream.list({ account_id, search: "puppy" });
    expectMatchesSpec("get", "/accounts/{account_id}/stream", 200, h.last().body);
    expect(page.result.map((v) => v.uid)).toEqual([created[1], created[0]]);
    expect(h.last().body).toMatchObject({ total: 2, range: 0 });

    expect((await h.cf.stream.list({ account_id, status: "pendingupload", creator: "c1" })).result).toHaveLength(3);
    const first = await h.cf.stream.list({ account_id, limit: 2 });
    expect(h.last().body).toMatchObject({ total: 4, range: 2 });
    const cursor = first.result.at(-1)?.created;
    const rest = await h.cf.stream.list({ account_id, before: cursor });
    expect([...first.result, ...rest.result].map((v) => v.uid)).toEqual([...created].reverse().concat(ready));
    const oldest = await h.cf.stream.list({ account_id, asc: true, limit: 1 });
    expect(oldest.result[0]?.uid).toBe(ready);
  });

  it("edits with POST, clears scheduledDeletion with null, and validates", async () => {
    const account_id = h.account.accountId;
    const in40Days = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const edited = await h.cf.stream.edit(ready, {
      account_id,
      meta: { name: "Renamed" },
      requireSignedURLs: false,
      thumbnailTimestampPct: 0.5,
      scheduledDeletion: in40Days,
    });
    expectMatchesSpec("post", videoPath, 200, h.last().body);
    expect(edited).toMatchObject({
      meta: { name: "Renamed" },
      thumbnailTimestampPct: 0.5,
      scheduledDeletion: in40Days,
    });
    // The fact sheet (§3.8): null clears it, though the SDK types only a string.
    const cleared = await h.cf.stream.edit(ready, { account_id, scheduledDeletion: null as unknown as string });
    expect(cleared.scheduledDeletion).toBeNull();
    const error = await h.cf.stream.edit(ready, { account_id, thumbnailTimestampPct: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cloudflare.BadRequestError);
    expectMatchesSpec("post", videoPath, 400, h.last().body);
  });

  it("answers 404 for an unknown uid and 403 10000 for a bad token, another account's token or a read-only write", async () => {
    const account_id = h.account.accountId;
    const missing = await h.cf.stream.get("0".repeat(32), { account_id }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Cloudflare.NotFoundError);
    expectMatchesSpec("get", videoPath, 404, h.last().body);

    const bad = await h
      .sdk("wrong")
      .stream.get(ready, { account_id })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Cloudflare.PermissionDeniedError);
    expect(h.last().body).toMatchObject({ errors: [{ code: 10000, message: "Authentication error" }] });

    const other = await h.emulator.createAccount();
    await expect(h.sdk(other.apiToken).stream.get(ready, { account_id })).rejects.toBeInstanceOf(
      Cloudflare.PermissionDeniedError,
    );

    const reader = await fetch(`${h.control}/accounts/${account_id}/tokens`, {
      method: "POST",
      body: JSON.stringify({ scope: "read" }),
    });
    const { apiToken } = (await reader.json()) as { apiToken: string };
    await h.sdk(apiToken).stream.get(ready, { account_id });
    await expect(h.sdk(apiToken).stream.edit(ready, { account_id, meta: {} })).rejects.toBeInstanceOf(
      Cloudflare.PermissionDeniedError,
    );
  });

  it("deletes a video", async () => {
    const account_id = h.account.accountId;
    const { uid } = await h.cf.stream.directUpload.create({ account_id, maxDurationSeconds: 10 });
    await h.cf.stream.delete(String(uid), { account_id });
    expect(h.last().status).toBe(200);
    await expect(h.cf.stream.get(String(uid), { account_id })).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
    await expect(h.cf.stream.delete(String(uid), { account_id })).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it("reports storage usage, counting pending direct-upload reservations", async () => {
    const other = await h.emulator.createAccount();
    const cf = h.sdk(other.apiToken);
    const account_id = other.accountId;
    expect(await cf.stream.videos.storageUsage({ account_id })).toMatchObject({
      totalStorageMinutes: 0,
      videoCount: 0,
    });
    await cf.stream.directUpload.create({ account_id, maxDurationSeconds: 120 });
    const usage = await cf.stream.videos.storageUsage({ account_id });
    expectMatchesSpec("get", "/accounts/{account_id}/stream/storage-usage", 200, h.last().body);
    expect(usage).toEqual({ totalStorageMinutes: 2, totalStorageMinutesLimit: 1000, videoCount: 1 });
  });

  it("creates direct uploads per the spec and refuses one without maxDurationSeconds", async () => {
    const account_id = h.account.accountId;
    const result = await h.cf.stream.directUpload.create({
      account_id,
      maxDurationSeconds: 60,
      requireSignedURLs: true,
    });
    expectMatchesSpec("post", "/accounts/{account_id}/stream/direct_upload", 200, h.last().body);
    expect(result.uploadURL).toBe(`${h.url}/upload/${result.uid}`);
    const video = h.emulator.video(String(result.uid));
    expect(video).toMatchObject({
      status: { state: "pendingupload" },
      requireSignedURLs: true,
      maxDurationSeconds: 60,
    });
    expect(Date.parse(String(video?.uploadExpiry)) - Date.now()).toBeGreaterThan(29 * 60_000);
    const response = await fetch(`${h.account.apiBaseUrl}/accounts/${account_id}/stream/direct_upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${h.account.apiToken}` },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expectMatchesSpec("post", "/accounts/{account_id}/stream/direct_upload", 400, await response.json());
  });

  it("accepts a basic multipart upload on POST /stream", async () => {
    const form = new FormData();
    form.append("file", new Blob([await readFile(fixturePath)]), "basic.mp4");
    const response = await fetch(`${h.account.apiBaseUrl}/accounts/${h.account.accountId}/stream`, {
      method: "POST",
      headers: { authorization: `Bearer ${h.account.apiToken}` },
      body: form,
    });
    const body = (await response.json()) as { result: { uid: string; meta: { name: string } } };
    expect(body.result.meta.name).toBe("basic.mp4");
    await expect.poll(() => h.emulator.video(body.result.uid)?.status.state, { timeout: 15_000 }).toBe("ready");
  });

  it("answers unknown routes with 7003", async () => {
    const response = await fetch(`${h.account.apiBaseUrl}/accounts/${h.account.accountId}/nothing`, {
      headers: { authorization: `Bearer ${h.account.apiToken}` },
    });
    expect(await response.json()).toMatchObject({ success: false, errors: [{ code: 7003 }] });
  });

  it("keeps a direct upload URL single-use", async () => {
    const { uploadURL } = await directUpload(h, await fixtureVideo());
    const again = await fetch(uploadURL, { method: "POST", body: new FormData() });
    expect(again.status).toBe(409);
  });
});

let fixturePath = "";
beforeAll(async () => {
  fixturePath = await fixtureVideo();
});
