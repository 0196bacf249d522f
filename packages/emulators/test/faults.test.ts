import Cloudflare from "cloudflare";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startEmulator } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startEmulator();
});
afterEach(() => h.emulator.faults.clear());
afterAll(() => h.close());

const listPath = "^/client/v4/accounts/[^/]+/stream$";
const addFault = (rule: Record<string, unknown>) =>
  fetch(`${h.control}/faults`, { method: "POST", body: JSON.stringify(rule) }).then((r) => r.json());

describe("fault injection", () => {
  it("answers 429 with Retry-After, then 200: the SDK waits and retries", async () => {
    await addFault({ path: listPath, method: "GET", status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    const page = await h.sdk(h.account.apiToken, 2).stream.list({ account_id: h.account.accountId });
    expect(page.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const statuses = h.calls.slice(-2).map((c) => c.status);
    expect(statuses).toEqual([429, 200]);
    expect(h.calls.at(-2)?.body).toMatchObject({ success: false, errors: [{ code: 971 }] });
  });

  it("fails N calls with a 5xx, then recovers", async () => {
    await addFault({ path: listPath, status: 503, times: 2 });
    const account_id = h.account.accountId;
    for (let i = 0; i < 2; i++) {
      await expect(h.cf.stream.list({ account_id })).rejects.toBeInstanceOf(Cloudflare.InternalServerError);
    }
    expect((await h.cf.stream.list({ account_id })).result).toEqual([]);
  });

  it("fails every call for a time window", async () => {
    await addFault({ path: "^/client/v4/", status: 500, durationMs: 1000 });
    const account_id = h.account.accountId;
    await expect(h.cf.stream.videos.storageUsage({ account_id })).rejects.toBeInstanceOf(
      Cloudflare.InternalServerError,
    );
    await expect(h.cf.stream.list({ account_id })).rejects.toBeInstanceOf(Cloudflare.InternalServerError);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(h.cf.stream.list({ account_id })).resolves.toBeDefined();
  });

  it("adds latency on chosen paths, and lists and clears rules over HTTP", async () => {
    await addFault({ path: "storage-usage", latencyMs: 200 });
    const started = Date.now();
    await h.cf.stream.videos.storageUsage({ account_id: h.account.accountId });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const listed = (await (await fetch(`${h.control}/faults`)).json()) as { rules: unknown[] };
    expect(listed.rules).toHaveLength(1);
    await fetch(`${h.control}/faults`, { method: "DELETE" });
    expect(((await (await fetch(`${h.control}/faults`)).json()) as { rules: unknown[] }).rules).toHaveLength(0);
  });
});
