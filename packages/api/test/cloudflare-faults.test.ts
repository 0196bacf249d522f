import { videos } from "@marquee/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createVideoUpload } from "../src/services/videos/uploads";
import { connectedTenant, testDb } from "../src/testing";

const upload = { kind: "direct" as const, title: "Warm-up", maxDurationSeconds: 600, accessLevel: "members" as const };

describe("Cloudflare faults", () => {
  it("waits out a 429's Retry-After and then succeeds", async () => {
    const t = await connectedTenant();
    t.emulator.faults.add({
      path: `^/client/v4/accounts/${t.account.accountId}/stream/direct_upload$`,
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    const started = Date.now();
    const created = await createVideoUpload(t.deps, t.tenantId, upload);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(created.uploadUrl).toMatch(/^http/);
    const rows = await (await testDb()).select().from(videos).where(eq(videos.tenantId, t.tenantId));
    expect(rows.map((row) => row.cloudflareUid)).toEqual([created.uid]);
  });

  it("reports an outage longer than the retry budget in plain words and records nothing", async () => {
    const t = await connectedTenant();
    t.emulator.faults.add({
      path: `^/client/v4/accounts/${t.account.accountId}/stream/direct_upload$`,
      status: 503,
      durationMs: 60_000,
    });
    await expect(createVideoUpload(t.deps, t.tenantId, upload)).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringMatching(/Cloudflare/),
    });
    expect(await (await testDb()).select().from(videos).where(eq(videos.tenantId, t.tenantId))).toHaveLength(0);
  });

  it("keeps stored credentials when Cloudflare is down during a connection test", async () => {
    const t = await connectedTenant();
    t.emulator.faults.add({ path: `^/client/v4/accounts/${t.account.accountId}/`, status: 502, durationMs: 60_000 });
    await expect(t.caller.settings.cloudflare.test()).rejects.toMatchObject({ code: "BAD_GATEWAY" });
    expect((await t.caller.settings.cloudflare.get()).own?.connected).toBe(true);
  });
});
