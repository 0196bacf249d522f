import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startEmulator } from "./harness.ts";

const TODAY = "2026-04-15";
let h: Harness;
let accountId: string;
beforeAll(async () => {
  h = await startEmulator({ now: () => new Date(`${TODAY}T10:00:00Z`) });
  accountId = h.account.accountId;
});
afterEach(() => h.emulator.faults.clear());
afterAll(() => h.close());

const uid = (n: number) => String(n).repeat(32).slice(0, 32);

const MINUTES_QUERY = `query Minutes($accountTag: string!, $start: Date!, $end: Date!, $after: string, $limit: Int = 10000) {
  viewer {
    accounts(filter: { accountTag: $accountTag }) {
      streamMinutesViewedAdaptiveGroups(
        filter: { date_geq: $start, date_lt: $end, uid_gt: $after }
        orderBy: [uid_ASC]
        limit: $limit
      ) { sum { minutesViewed } dimensions { uid } }
    }
  }
}`;

type Row = { sum: { minutesViewed: number }; dimensions: Record<string, string> };
type Answer = {
  data: { viewer: { accounts: { streamMinutesViewedAdaptiveGroups: Row[] }[] } } | null;
  errors: { message: string; path?: string[] }[] | null;
};

async function graphql(token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${h.account.apiBaseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
}

const rows = (answer: Answer) => answer.data?.viewer.accounts[0]?.streamMinutesViewedAdaptiveGroups ?? [];
const day = { accountTag: "", start: TODAY, end: "2026-04-16" };

describe("streamMinutesViewedAdaptiveGroups", () => {
  beforeAll(async () => {
    day.accountTag = accountId;
    for (const n of [5, 3, 1, 4, 2]) h.emulator.analytics.recordDelivery(accountId, uid(n), n * 1.5);
    h.emulator.analytics.recordDelivery(accountId, uid(1), 100, "2026-04-14T23:59:59Z");
    const other = await h.emulator.createAccount();
    h.emulator.analytics.recordDelivery(other.accountId, uid(6), 7);
  });

  it("answers plain GraphQL sorted by uid, for the account and the day only", async () => {
    const { status, body } = await graphql(h.account.apiToken, MINUTES_QUERY, day);
    expect(status).toBe(200);
    expect(body.errors).toBeNull();
    expect(rows(body)).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ sum: { minutesViewed: n * 1.5 }, dimensions: { uid: uid(n) } })),
    );
    expect(h.emulator.analytics.minutesDelivered(accountId, TODAY)).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ uid: uid(n), minutes: n * 1.5 })),
    );
  });

  it("pages by uid_gt until a page comes back short", async () => {
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const { body } = await graphql(h.account.apiToken, MINUTES_QUERY, { ...day, after, limit: 2 });
      const page = rows(body).map((row) => String(row.dimensions.uid));
      pages.push(page);
      if (page.length < 2) break;
      after = page.at(-1);
    }
    expect(pages).toEqual([[uid(1), uid(2)], [uid(3), uid(4)], [uid(5)]]);
  });

  it("groups by the dimensions asked for, honours orderBy, aliases and a limit literal", async () => {
    const query = `query($accountTag: string!) { viewer { accounts(filter: {accountTag: $accountTag}) {
      top: streamMinutesViewedAdaptiveGroups(filter: {date_geq: "2026-04-14", date_leq: "${TODAY}"},
        orderBy: [sum_minutesViewed_DESC], limit: 2) { sum { minutes: minutesViewed } dimensions { date uid } }
      total: streamMinutesViewedAdaptiveGroups(filter: {date: "${TODAY}"}, limit: 10) { sum { minutesViewed } }
    } } }`;
    const { body } = await graphql(h.account.apiToken, query, { accountTag: accountId });
    const account = body.data?.viewer.accounts[0] as unknown as Record<string, unknown>;
    expect(account.top).toEqual([
      { sum: { minutes: 100 }, dimensions: { date: "2026-04-14", uid: uid(1) } },
      { sum: { minutes: 7.5 }, dimensions: { date: TODAY, uid: uid(5) } },
    ]);
    expect(account.total).toEqual([{ sum: { minutesViewed: 22.5 } }]);
  });

  it("refuses callers without a token, on another account, or without Account Analytics Read", async () => {
    const none = await graphql(null, MINUTES_QUERY, day);
    expect(none).toMatchObject({ status: 401, body: { data: null, errors: [{ message: "Unauthorized" }] } });

    const other = await h.emulator.createAccount();
    const elsewhere = await graphql(other.apiToken, MINUTES_QUERY, day);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toMatchObject({
      data: null,
      errors: [{ message: "not authorized for that account", path: ["viewer", "accounts"] }],
    });

    const blind = await h.emulator.createAccount({ analytics: false });
    const own = await graphql(blind.apiToken, MINUTES_QUERY, { ...day, accountTag: blind.accountId });
    expect(own).toMatchObject({ status: 403, body: { errors: [{ message: "not authorized for that account" }] } });
    // The same token still works for Stream.
    expect((await h.sdk(blind.apiToken).stream.list({ account_id: blind.accountId })).result).toEqual([]);

    const created = await fetch(`${h.control}/accounts/${accountId}/tokens`, {
      method: "POST",
      body: JSON.stringify({ scope: "read", analytics: false }),
    });
    const { apiToken: noAnalytics } = (await created.json()) as { apiToken: string };
    expect((await graphql(noAnalytics, MINUTES_QUERY, day)).status).toBe(403);
    const reader = await fetch(`${h.control}/accounts/${accountId}/tokens`, {
      method: "POST",
      body: JSON.stringify({ scope: "read" }),
    });
    const { apiToken: readOnly } = (await reader.json()) as { apiToken: string };
    expect(rows((await graphql(readOnly, MINUTES_QUERY, day)).body)).toHaveLength(5);
  });

  it("answers GraphQL errors for what it does not know or allow", async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["{ viewer { zones(filter: {zoneTag: $z}) { x } } }", {}, /^unknown field "zones"$/],
      [MINUTES_QUERY.replace("dimensions { uid }", "dimensions { uid clientCountryName }"), day, /unknown field/],
      [MINUTES_QUERY.replace("streamMinutesViewedAdaptiveGroups", "videoPlaybackEventsAdaptiveGroups"), day, /unknown/],
      [MINUTES_QUERY, { accountTag: accountId }, /variable \$start \(Date!\) is required/],
      [MINUTES_QUERY, { ...day, limit: 20_000 }, /limit must be positive number and not greater than 10000/],
      [MINUTES_QUERY, { ...day, start: "2025-12-01" }, /cannot request data older than/],
      [MINUTES_QUERY, { ...day, start: "2026-03-01" }, /query time range is too large/],
      [MINUTES_QUERY, { ...day, start: "15/04/2026" }, /must be a Date/],
      ["query { viewer { accounts(", {}, /query contains error/],
    ];
    for (const [query, variables, message] of cases) {
      const { status, body } = await graphql(h.account.apiToken, query, variables);
      expect(status, query).toBe(400);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.message).toMatch(message);
    }
  });

  it("answers injected faults in GraphQL's shape", async () => {
    h.emulator.faults.add({ path: "^/client/v4/graphql$", status: 429, retryAfterSeconds: 300, times: 1 });
    const limited = await graphql(h.account.apiToken, MINUTES_QUERY, day);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("300");
    expect(limited.body).toMatchObject({ data: null, errors: [{ message: /rate limiter budget depleted/ }] });
    expect((await graphql(h.account.apiToken, MINUTES_QUERY, day)).status).toBe(200);
  });
});

describe("control API", () => {
  it("seeds and reads minutes per account and day", async () => {
    const other = await h.emulator.createAccount();
    const url = `${h.control}/accounts/${other.accountId}/analytics/minutes`;
    const seed = (body: unknown) => fetch(url, { method: "POST", body: JSON.stringify(body) });
    const first = await seed({ uid: uid(7), minutes: 2.5, at: "2026-04-10T08:00:00Z" });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ day: "2026-04-10", uid: uid(7), minutes: 2.5 });
    expect(await (await seed({ uid: uid(7), minutes: 1, at: "2026-04-10T20:00:00Z" })).json()).toMatchObject({
      minutes: 3.5,
    });
    expect(await (await seed({ uid: uid(8), minutes: 4 })).json()).toEqual({ day: TODAY, uid: uid(8), minutes: 4 });

    expect(await (await fetch(`${url}?day=2026-04-10`)).json()).toEqual([{ uid: uid(7), minutes: 3.5 }]);
    expect(await (await fetch(url)).json()).toEqual([{ uid: uid(8), minutes: 4 }]);
    expect((await fetch(`${url}?day=April`)).status).toBe(400);
    expect((await seed({ uid: uid(7), minutes: -1 })).status).toBe(400);
    expect((await seed({ uid: "__proto__", minutes: 1 })).status).toBe(400);
    expect((await fetch(`${h.control}/accounts/nope/analytics/minutes`)).status).toBe(404);
  });

  it("keeps the figures across a restart on the same dataDir", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "cf-emulator-analytics-"));
    try {
      const first = await startEmulator({ dataDir });
      first.emulator.analytics.recordDelivery(first.account.accountId, uid(9), 3);
      await first.close();
      const second = await startEmulator({ dataDir });
      expect(second.emulator.analytics.minutesDelivered(first.account.accountId)).toEqual([
        { uid: uid(9), minutes: 3 },
      ]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
