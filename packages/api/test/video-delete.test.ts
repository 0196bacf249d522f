import { videos } from "@marquee/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createVideoUpload } from "../src/services/videos/uploads";
import { adminCaller, createMember, getTestCloudflare, testDb, testSecrets } from "../src/testing";

describe("videos.remove", () => {
  it("keeps the row and explains when Cloudflare fails, then deletes both on retry", async () => {
    const { user, tenantId } = await createMember("admin");
    const db = await testDb();
    const tenant = await db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.id, tenantId) });
    const cloudflare = await getTestCloudflare();
    const account = await cloudflare.emulator.createAccount();
    const { caller } = await adminCaller({ userId: user.id, tenantSlug: tenant?.slug ?? "" });
    await caller.settings.cloudflare.save({ ...account, replaceWebhook: false });
    const deps = { db, secrets: testSecrets, cloudflare: cloudflare.environment };
    const upload = await createVideoUpload(deps, tenantId, {
      kind: "direct",
      title: "Doomed",
      maxDurationSeconds: 60,
      accessLevel: "members",
    });

    const path = `^/client/v4/accounts/${account.accountId}/stream/${upload.uid}$`;
    cloudflare.emulator.faults.add({ path, method: "DELETE", status: 500, durationMs: 30_000 });
    await expect(caller.videos.remove({ id: upload.videoId })).rejects.toMatchObject({
      code: "BAD_GATEWAY",
      message: expect.stringMatching(/Cloudflare/),
    });
    expect(await db.select().from(videos).where(eq(videos.id, upload.videoId))).toHaveLength(1);
    expect(cloudflare.emulator.video(upload.uid)).toBeDefined();

    cloudflare.emulator.faults.clear();
    await expect(caller.videos.remove({ id: upload.videoId })).resolves.toEqual({ id: upload.videoId });
    expect(await db.select().from(videos).where(eq(videos.id, upload.videoId))).toHaveLength(0);
    expect(cloudflare.emulator.video(upload.uid)).toBeUndefined();
  });

  it("counts a video already gone from Cloudflare as deleted", async () => {
    const { user, tenantId } = await createMember("admin");
    const db = await testDb();
    const tenant = await db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.id, tenantId) });
    const cloudflare = await getTestCloudflare();
    const account = await cloudflare.emulator.createAccount();
    const { caller } = await adminCaller({ userId: user.id, tenantSlug: tenant?.slug ?? "" });
    await caller.settings.cloudflare.save({ ...account, replaceWebhook: false });
    const upload = await createVideoUpload({ db, secrets: testSecrets, cloudflare: cloudflare.environment }, tenantId, {
      kind: "direct",
      title: "Gone",
      maxDurationSeconds: 60,
      accessLevel: "members",
    });
    await cloudflare.emulator.app.fetch(
      new Request(`${cloudflare.emulator.apiBaseUrl}/accounts/${account.accountId}/stream/${upload.uid}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${account.apiToken}` },
      }),
    );
    await expect(caller.videos.remove({ id: upload.videoId })).resolves.toEqual({ id: upload.videoId });
    expect(await db.select().from(videos).where(eq(videos.id, upload.videoId))).toHaveLength(0);
  });
});
