import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccountPauses, createStreamClient } from "../src";
import { envelope, type FakeCloudflare, type FakeReply, startFakeCloudflare } from "./support/fake-cloudflare";

const START = Date.parse("2026-03-10T12:00:00Z");
let fake: FakeCloudflare;
let clock: number;

function client() {
  return createStreamClient({
    accountId: "acc-1",
    apiToken: "secret-token-value",
    apiBaseUrl: fake.baseUrl,
    customerDomain: "https://customer-test.cloudflarestream.com",
    accountPauses: createAccountPauses(),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    random: () => 0.5,
  });
}

const rows = (...uids: string[]) => ({
  data: {
    viewer: {
      accounts: [
        { streamMinutesViewedAdaptiveGroups: uids.map((uid) => ({ sum: { minutesViewed: 2 }, dimensions: { uid } })) },
      ],
    },
  },
  errors: null,
});
const graphqlError = (message: string, status = 200): FakeReply => ({
  status,
  json: { data: null, errors: [{ message, path: ["viewer", "accounts"], extensions: {} }] },
});

beforeEach(async () => {
  fake = await startFakeCloudflare();
  clock = START;
});

afterEach(async () => {
  await fake.close();
});

describe("minutesDelivered against Cloudflare's wire format", () => {
  it("POSTs the query for one UTC day to <api base>/graphql with the bearer token", async () => {
    fake.setHandler(() => ({ status: 200, json: rows("a".repeat(32)) }));
    await expect(client().minutesDelivered("2026-02-28")).resolves.toEqual([{ uid: "a".repeat(32), minutes: 2 }]);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: "POST", path: "/client/v4/graphql" });
    expect(request?.headers.authorization).toBe("Bearer secret-token-value");
    const body = JSON.parse(String(request?.body)) as { query: string; variables: unknown };
    expect(body.variables).toEqual({ accountTag: "acc-1", start: "2026-02-28", end: "2026-03-01" });
    expect(body.query).toMatch(/streamMinutesViewedAdaptiveGroups\(\s*filter: \{ date_geq: \$start, date_lt: \$end \}/);
    expect(body.query).toContain("orderBy: [uid_ASC]");
    expect(body.query).toContain("limit: 10000");
  });

  it("reads a missing permission sent with HTTP 200 as an auth error, without retrying", async () => {
    fake.setHandler(() => graphqlError("not authorized for that account"));
    await expect(client().minutesDelivered("2026-03-01")).rejects.toMatchObject({
      kind: "auth",
      message: "This API token cannot read analytics (it needs Account Analytics Read).",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("pauses analytics for the 5 minutes the rate limiter asks, leaving Stream calls alone", async () => {
    fake.setHandler((request) =>
      request.path.endsWith("/graphql")
        ? graphqlError("rate limiter budget depleted, try again after 5 minutes")
        : { status: 200, json: envelope({ totalStorageMinutes: 1, totalStorageMinutesLimit: 10, videoCount: 1 }) },
    );
    const stream = client();
    await expect(stream.minutesDelivered("2026-03-01")).rejects.toMatchObject({
      kind: "rate_limited",
      retryAt: new Date(START + 5 * 60_000),
    });
    await expect(stream.minutesDelivered("2026-03-01")).rejects.toMatchObject({ kind: "rate_limited" });
    expect(fake.requests).toHaveLength(1);
    await expect(stream.storageUsage()).resolves.toMatchObject({ videoCount: 1 });
  });

  it("retries 'try again later', and reports other query errors as invalid", async () => {
    fake.setHandler((_, index) =>
      index === 0
        ? graphqlError("unable to execute query, please try again later", 503)
        : { status: 200, json: rows() },
    );
    await expect(client().minutesDelivered("2026-03-01")).resolves.toEqual([]);
    expect(fake.requests).toHaveLength(2);

    fake.setHandler(() => graphqlError('unknown field "streamMinutesViewedAdaptiveGroups"', 400));
    await expect(client().minutesDelivered("2026-03-01")).rejects.toMatchObject({
      kind: "invalid",
      message: 'Cloudflare refused the analytics query: unknown field "streamMinutesViewedAdaptiveGroups"',
    });
  });

  it("treats an answer without the account's rows as unexpected", async () => {
    fake.setHandler(() => ({ status: 200, json: { data: { viewer: { accounts: [] } }, errors: null } }));
    await expect(client().minutesDelivered("2026-03-01")).rejects.toMatchObject({ kind: "unavailable" });
  });
});
