import { type AccountInfo, type ServedEmulator, serveCloudflareEmulator } from "@marquee/emulators";
import { readTestVideo } from "@marquee/emulators/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAccountPauses, createStreamClient, playbackUrls, type StreamClientConfig } from "../src";
import { waitFor } from "./support/wait-for";

type GraphqlRequest = { query: string; variables: Record<string, unknown> };

let served: ServedEmulator;
let account: AccountInfo;
let sent: GraphqlRequest[];

const uid = (n: number) => String(n).repeat(32);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

function clientFor(info: AccountInfo, overrides: Partial<StreamClientConfig> = {}) {
  return createStreamClient({
    accountId: info.accountId,
    apiToken: info.apiToken,
    apiBaseUrl: info.apiBaseUrl,
    customerDomain: info.customerDomain,
    accountPauses: createAccountPauses(),
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    // Keeps what went to the GraphQL endpoint, to check the paging.
    fetch: async (input, init) => {
      if (String(input).endsWith("/graphql")) sent.push(JSON.parse(String(init?.body)) as GraphqlRequest);
      return fetch(input, init);
    },
    ...overrides,
  });
}

beforeAll(async () => {
  served = await serveCloudflareEmulator({ processing: { stepMs: 20 }, log: () => {} });
  account = await served.emulator.createAccount();
});

beforeEach(() => {
  sent = [];
});

afterEach(() => {
  served.emulator.faults.clear();
});

afterAll(async () => {
  await served?.close();
});

describe("minutesDelivered", () => {
  it("reports what the emulator served, per video", async () => {
    const stream = clientFor(account);
    const upload = await stream.createDirectUpload({ maxDurationSeconds: 60 });
    const form = new FormData();
    form.append("file", new Blob([await readTestVideo()], { type: "video/mp4" }), "clip.mp4");
    expect((await fetch(upload.uploadUrl, { method: "POST", body: form })).status).toBe(200);
    await waitFor(async () => (await stream.getVideo(upload.uid)).state === "ready");

    const media = new URL("stream.m3u8", playbackUrls(account.customerDomain, upload.uid).hls);
    const segments = [...(await (await fetch(media)).text()).matchAll(/#EXTINF:([\d.]+),\n(\S+)/g)];
    for (const [, , uri] of segments) await (await fetch(new URL(String(uri), media))).arrayBuffer();
    const seconds = segments.reduce((sum, [, duration]) => sum + Number(duration), 0);
    expect(seconds).toBeGreaterThan(0);

    const today = daysAgo(0);
    const delivered = await stream.minutesDelivered(today);
    expect(delivered).toEqual([{ uid: upload.uid, minutes: expect.closeTo(seconds / 60, 4) }]);
    expect(delivered).toEqual(served.emulator.analytics.minutesDelivered(account.accountId, today));
    await expect(stream.minutesDelivered(daysAgo(1))).resolves.toEqual([]);
    expect(sent[0]?.variables).toEqual({ accountTag: account.accountId, start: today, end: expect.any(String) });
  });

  it("pages by uid until a page comes back short", async () => {
    const other = await served.emulator.createAccount();
    const day = daysAgo(3);
    for (const n of [4, 1, 5, 3, 2])
      served.emulator.analytics.recordDelivery(other.accountId, uid(n), n, `${day}T12:00:00Z`);
    served.emulator.analytics.recordDelivery(other.accountId, uid(6), 60, `${daysAgo(2)}T00:00:00Z`);
    const stream = clientFor(other);

    const rows = await stream.minutesDelivered(day, { pageSize: 2 });
    expect(rows).toEqual([1, 2, 3, 4, 5].map((n) => ({ uid: uid(n), minutes: n })));
    expect(sent.map((request) => request.variables.after)).toEqual([undefined, uid(2), uid(4)]);
    expect(sent[0]?.query).not.toContain("uid_gt");
    expect(sent[1]?.query).toContain("uid_gt: $after");

    // A last page that is exactly full takes one more (empty) page to be sure.
    sent = [];
    await expect(stream.minutesDelivered(day, { pageSize: 5 })).resolves.toHaveLength(5);
    expect(sent).toHaveLength(2);
    await expect(stream.minutesDelivered(day)).resolves.toHaveLength(5);
  });

  it("says the token lacks Account Analytics Read, while Stream calls still work", async () => {
    const blind = await served.emulator.createAccount({
      accountId: account.accountId,
      apiToken: "stream-only-token",
      analytics: false,
    });
    const stream = clientFor(blind);
    await expect(stream.minutesDelivered(daysAgo(0))).rejects.toMatchObject({
      kind: "auth",
      status: 403,
      message: "This API token cannot read analytics (it needs Account Analytics Read).",
      details: ["not authorized for that account"],
    });
    await expect(stream.listVideos()).resolves.toMatchObject({ videos: expect.any(Array) });

    const stranger = await served.emulator.createAccount();
    const wrongAccount = clientFor({ ...stranger, accountId: account.accountId });
    await expect(wrongAccount.minutesDelivered(daysAgo(0))).rejects.toMatchObject({ kind: "auth", status: 403 });
    const badToken = clientFor({ ...account, apiToken: "not-a-token" });
    await expect(badToken.minutesDelivered(daysAgo(0))).rejects.toMatchObject({ kind: "auth", status: 401 });
  });

  it("refuses a malformed day before calling, and passes on Cloudflare's retention limit", async () => {
    const stream = clientFor(account);
    await expect(stream.minutesDelivered("2026-02-30")).rejects.toMatchObject({ kind: "invalid" });
    await expect(stream.minutesDelivered("yesterday")).rejects.toMatchObject({ kind: "invalid" });
    expect(sent).toEqual([]);
    await expect(stream.minutesDelivered(daysAgo(200))).rejects.toMatchObject({
      kind: "invalid",
      message: /cannot request data older than/,
    });
  });

  it("turns GraphQL's rate limit into a pause of analytics only", async () => {
    const stream = clientFor(account);
    served.emulator.faults.add({ path: "^/client/v4/graphql$", status: 429, retryAfterSeconds: 300, times: 1 });
    await expect(stream.minutesDelivered(daysAgo(0))).rejects.toMatchObject({ kind: "rate_limited", status: 429 });
    // The fault is spent: a call reaching the emulator would succeed, so this one never left the client.
    await expect(stream.minutesDelivered(daysAgo(0))).rejects.toMatchObject({ kind: "rate_limited" });
    expect(sent).toHaveLength(1);
    await expect(stream.listVideos()).resolves.toMatchObject({ videos: expect.any(Array) });
  });

  it("retries a short GraphQL outage", async () => {
    const stream = clientFor(account);
    served.emulator.faults.add({ path: "^/client/v4/graphql$", status: 503, times: 2 });
    await expect(stream.minutesDelivered(daysAgo(0))).resolves.toEqual(expect.any(Array));
    expect(sent).toHaveLength(3);
  });
});
