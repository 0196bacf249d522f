import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccountPauses, createStreamClient } from "../src";
import { envelope, type FakeCloudflare, failure, startFakeCloudflare } from "./support/fake-cloudflare";

const UID = "b".repeat(32);
let fake: FakeCloudflare;

function client() {
  return createStreamClient({
    accountId: "acc-1",
    apiToken: "tok",
    apiBaseUrl: fake.baseUrl,
    customerDomain: "customer-test.cloudflarestream.com/",
    accountPauses: createAccountPauses(),
    sleep: async () => {},
  });
}

function video(created: string, extra: Record<string, unknown> = {}) {
  return { uid: UID, created, meta: { name: "Intro", filename: "intro.mp4" }, duration: -1, ...extra };
}

beforeEach(async () => {
  fake = await startFakeCloudflare();
});

afterEach(async () => {
  await fake.close();
});

describe("account", () => {
  it("verifies an account-owned token on the account route", async () => {
    fake.setHandler(() => ({ status: 200, json: envelope({ id: "t1", status: "active" }) }));
    await expect(client().verifyToken()).resolves.toEqual({ tokenId: "t1", status: "active", expiresOn: null });
    expect(fake.requests.map((r) => r.path)).toEqual(["/client/v4/accounts/acc-1/tokens/verify"]);
  });

  it("falls back to the user route for a user-owned token", async () => {
    fake.setHandler((r) =>
      r.path.startsWith("/client/v4/accounts/")
        ? { status: 401, json: failure(1000, "Invalid API Token") }
        : { status: 200, json: envelope({ id: "t2", status: "expired", expires_on: "2026-01-01T00:00:00Z" }) },
    );
    await expect(client().verifyToken()).resolves.toEqual({
      tokenId: "t2",
      status: "expired",
      expiresOn: "2026-01-01T00:00:00Z",
    });
    expect(fake.requests.map((r) => r.path)).toEqual([
      "/client/v4/accounts/acc-1/tokens/verify",
      "/client/v4/user/tokens/verify",
    ]);
  });

  it("says an expired token has expired", async () => {
    fake.setHandler(() => ({
      status: 401,
      json: failure(10003, "This API Token was expired at 2026-01-01T00:00:00Z"),
    }));
    await expect(client().verifyToken()).rejects.toMatchObject({ kind: "auth", message: /has expired/ });
  });

  it("checkConnection refuses an inactive token before touching Stream", async () => {
    fake.setHandler(() => ({ status: 200, json: envelope({ id: "t1", status: "disabled" }) }));
    await expect(client().checkConnection()).rejects.toMatchObject({ kind: "auth", message: /disabled/ });
    expect(fake.requests).toHaveLength(1);
  });

  it("reads storage usage", async () => {
    fake.setHandler(() => ({
      status: 200,
      json: envelope({ totalStorageMinutes: 12.5, totalStorageMinutesLimit: 1000, videoCount: 3 }),
    }));
    await expect(client().storageUsage()).resolves.toEqual({
      totalStorageMinutes: 12.5,
      totalStorageMinutesLimit: 1000,
      videoCount: 3,
    });
    expect(fake.requests[0]?.path).toBe("/client/v4/accounts/acc-1/stream/storage-usage");
  });
});

describe("videos", () => {
  it("lists with filters and hands back the next page's cursor", async () => {
    fake.setHandler(() => ({
      status: 200,
      json: { ...envelope([video("2026-01-02T00:00:00Z"), video("2026-01-01T00:00:00Z")]), range: 5, total: 7 },
    }));
    const page = await client().listVideos({ search: "intro", status: "ready", limit: 2 });
    expect(page.videos).toHaveLength(2);
    expect(page.videos[0]).toMatchObject({ uid: UID, name: "Intro", durationSeconds: null, state: null });
    expect(page.next).toEqual({ before: "2026-01-01T00:00:00Z" });
    const url = new URL(fake.requests[0]?.path ?? "", "http://x");
    expect(url.pathname).toBe("/client/v4/accounts/acc-1/stream");
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: "2", search: "intro", status: "ready" });
  });

  it("says there is no next page when the page is not full", async () => {
    fake.setHandler(() => ({ status: 200, json: envelope([video("2026-01-02T00:00:00Z")]) }));
    await expect(client().listVideos({ limit: 2 })).resolves.toMatchObject({ next: null });
  });

  it("renames a video without dropping the rest of its meta", async () => {
    fake.setHandler((r) =>
      r.method === "GET"
        ? { status: 200, json: envelope(video("2026-01-01T00:00:00Z")) }
        : { status: 200, json: envelope(video("2026-01-01T00:00:00Z", JSON.parse(r.body.toString()))) },
    );
    const updated = await client().updateVideo(UID, { name: "Renamed", requireSignedURLs: true });
    expect(fake.requests.map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(JSON.parse(fake.requests[1]?.body.toString() ?? "")).toEqual({
      meta: { name: "Renamed", filename: "intro.mp4" },
      requireSignedURLs: true,
    });
    expect(updated).toMatchObject({ name: "Renamed", requireSignedURLs: true });
  });

  it("counts a 404 on delete as deleted", async () => {
    fake.setHandler(() => ({ status: 404, json: failure(10003, "Not Found") }));
    await expect(client().deleteVideo(UID)).resolves.toBeUndefined();
    expect(fake.requests[0]).toMatchObject({ method: "DELETE", path: `/client/v4/accounts/acc-1/stream/${UID}` });
  });

  it("reports a missing video as not_found", async () => {
    fake.setHandler(() => ({ status: 404, json: failure(10003, "Not Found") }));
    await expect(client().getVideo(UID)).rejects.toMatchObject({ kind: "not_found", status: 404 });
  });
});

describe("uploads", () => {
  it("creates a direct upload with the fields Cloudflare expects", async () => {
    fake.setHandler(() => ({ status: 200, json: envelope({ uid: UID, uploadURL: `https://upload.example/${UID}` }) }));
    const expiry = new Date("2026-11-23T12:30:00Z");
    const upload = await client().createDirectUpload({
      maxDurationSeconds: 600,
      requireSignedURLs: true,
      meta: { name: "Intro" },
      expiry,
    });
    expect(upload).toEqual({ uid: UID, uploadUrl: `https://upload.example/${UID}` });
    expect(fake.requests[0]?.path).toBe("/client/v4/accounts/acc-1/stream/direct_upload");
    expect(JSON.parse(fake.requests[0]?.body.toString() ?? "")).toEqual({
      maxDurationSeconds: 600,
      requireSignedURLs: true,
      meta: { name: "Intro" },
      expiry: "2026-11-23T12:30:00.000Z",
    });
  });

  it("creates a tus upload and reads Location and stream-media-id", async () => {
    fake.setHandler(() => ({
      status: 201,
      headers: { location: `https://upload.example/tus/${UID}?tusv2=true`, "stream-media-id": UID },
    }));
    const upload = await client().createTusUpload({
      uploadLength: 123_456_789,
      metadata: { name: "Big file", maxDurationSeconds: 3600, requireSignedURLs: true },
    });
    expect(upload).toEqual({ uid: UID, uploadUrl: `https://upload.example/tus/${UID}?tusv2=true` });
    const request = fake.requests[0];
    expect(request?.path).toBe("/client/v4/accounts/acc-1/stream?direct_user=true");
    expect(request?.headers["tus-resumable"]).toBe("1.0.0");
    expect(request?.headers["upload-length"]).toBe("123456789");
    expect(request?.headers["upload-metadata"]).toBe("name QmlnIGZpbGU=,maxdurationseconds MzYwMA==,requiresignedurls");
    expect(request?.headers["content-type"]).toBeUndefined();
  });

  it("treats a tus answer without stream-media-id as a failure", async () => {
    fake.setHandler(() => ({ status: 201, headers: { location: "https://upload.example/tus/x" } }));
    await expect(client().createTusUpload({ uploadLength: 10 })).rejects.toMatchObject({ kind: "unavailable" });
  });
});

describe("captions", () => {
  it("uploads WebVTT as a file part", async () => {
    fake.setHandler(() => ({
      status: 200,
      json: envelope({ language: "en", label: "English", generated: false, status: "ready" }),
    }));
    const vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n";
    await expect(client().uploadCaption(UID, "en", vtt)).resolves.toEqual({
      language: "en",
      label: "English",
      generated: false,
      status: "ready",
    });
    const request = fake.requests[0];
    expect(request).toMatchObject({ method: "PUT", path: `/client/v4/accounts/acc-1/stream/${UID}/captions/en` });
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const body = request?.body.toString() ?? "";
    expect(body).toContain('name="file"; filename="en.vtt"');
    expect(body).toContain(vtt);
  });

  it("lists and deletes captions, a missing one counting as deleted", async () => {
    fake.setHandler((r) =>
      r.method === "GET"
        ? { status: 200, json: envelope([{ language: "de", label: "Deutsch", generated: true, status: "inprogress" }]) }
        : { status: 404, json: failure(10003, "Not Found") },
    );
    await expect(client().listCaptions(UID)).resolves.toEqual([
      { language: "de", label: "Deutsch", generated: true, status: "inprogress" },
    ]);
    await expect(client().deleteCaption(UID, "de")).resolves.toBeUndefined();
  });
});

describe("signing keys and webhook", () => {
  it("decodes a new key's base64 pem and jwk", async () => {
    const pem = "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----";
    const jwk = { kty: "RSA", kid: "k1", alg: "RS256", use: "sig", n: "n", e: "AQAB" };
    fake.setHandler(() => ({
      status: 200,
      json: envelope({
        id: "k1",
        created: "2026-01-01T00:00:00Z",
        pem: Buffer.from(pem).toString("base64"),
        jwk: Buffer.from(JSON.stringify(jwk)).toString("base64"),
      }),
    }));
    await expect(client().createSigningKey()).resolves.toEqual({
      id: "k1",
      pem,
      jwk,
      created: "2026-01-01T00:00:00Z",
    });
  });

  it("sets the webhook and reads the secret whichever URL spelling comes back", async () => {
    fake.setHandler(() => ({
      status: 200,
      json: envelope({ notification_url: "https://app.example/hook", secret: "s3cr3t", modified: null }),
    }));
    await expect(client().setWebhook("https://app.example/hook")).resolves.toEqual({
      notificationUrl: "https://app.example/hook",
      secret: "s3cr3t",
      modified: null,
    });
    expect(fake.requests[0]).toMatchObject({ method: "PUT", path: "/client/v4/accounts/acc-1/stream/webhook" });
    expect(JSON.parse(fake.requests[0]?.body.toString() ?? "")).toEqual({
      notificationUrl: "https://app.example/hook",
    });
  });

  it("reads no webhook as null", async () => {
    fake.setHandler(() => ({ status: 404, json: failure(10003, "Not Found") }));
    await expect(client().getWebhook()).resolves.toBeNull();
  });
});

describe("live inputs", () => {
  const input = {
    uid: "c".repeat(32),
    meta: { name: "Yoga" },
    recording: { mode: "automatic", requireSignedURLs: true },
    rtmps: { url: "rtmps://live.cloudflare.com:443/live/", streamKey: "key" },
    webRTC: { url: "https://customer-test.cloudflarestream.com/secret/webRTC/publish" },
    status: null,
  };

  it("creates with recording on and one idempotency key across retries", async () => {
    fake.setHandler((_, i) =>
      i === 0 ? { status: 503, json: failure(10002, "busy") } : { status: 200, json: envelope(input) },
    );
    const created = await client().createLiveInput({ name: "Yoga", recording: { requireSignedURLs: true } });
    expect(created).toMatchObject({
      uid: input.uid,
      name: "Yoga",
      recording: { mode: "automatic", requireSignedURLs: true },
      rtmps: { url: "rtmps://live.cloudflare.com:443/live/", streamKey: "key" },
      srt: null,
      status: null,
    });
    expect(JSON.parse(fake.requests[0]?.body.toString() ?? "")).toEqual({
      meta: { name: "Yoga" },
      recording: { mode: "automatic", requireSignedURLs: true },
    });
    const keys = fake.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it("reads the object form of status", async () => {
    fake.setHandler(() => ({ status: 200, json: envelope({ ...input, status: { current: { state: "connected" } } }) }));
    await expect(client().getLiveInput(input.uid)).resolves.toMatchObject({ status: "connected" });
  });

  it("lists an input's recordings", async () => {
    fake.setHandler(() => ({
      status: 200,
      json: envelope([video("2026-01-01T00:00:00Z", { liveInput: input.uid, status: { state: "live-inprogress" } })]),
    }));
    const recordings = await client().listLiveInputRecordings(input.uid);
    expect(recordings).toMatchObject([{ uid: UID, liveInputUid: input.uid, state: "live-inprogress" }]);
    expect(fake.requests[0]?.path).toBe(`/client/v4/accounts/acc-1/stream/live_inputs/${input.uid}/videos`);
  });
});

describe("configuration", () => {
  it("refuses to build a client without credentials", () => {
    expect(() =>
      createStreamClient({ accountId: "acc-1", apiToken: "", customerDomain: "customer-x.cloudflarestream.com" }),
    ).toThrow(/account ID and an API token/);
  });

  it("sends requests through an injected fetch (an in-process emulator needs no port)", async () => {
    const seen: string[] = [];
    const viaFetch = createStreamClient({
      accountId: "acc-1",
      apiToken: "tok",
      apiBaseUrl: fake.baseUrl,
      customerDomain: "customer-x.cloudflarestream.com",
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    fake.setHandler(() => ({ status: 200, json: envelope({ id: "t1", status: "active" }) }));
    await viaFetch.verifyToken();
    expect(seen).toEqual([`${fake.baseUrl}/accounts/acc-1/tokens/verify`]);
  });

  it("sends the token as a bearer and no legacy key headers, even when the environment has them", async () => {
    process.env.CLOUDFLARE_API_KEY = "legacy-key";
    process.env.CLOUDFLARE_EMAIL = "someone@example.com";
    try {
      fake.setHandler(() => ({ status: 200, json: envelope({ id: "t1", status: "active" }) }));
      await client().verifyToken();
      expect(fake.requests[0]?.headers.authorization).toBe("Bearer tok");
      expect(fake.requests[0]?.headers["x-auth-key"]).toBeUndefined();
      expect(fake.requests[0]?.headers["x-auth-email"]).toBeUndefined();
    } finally {
      delete process.env.CLOUDFLARE_API_KEY;
      delete process.env.CLOUDFLARE_EMAIL;
    }
  });
});
