import { videos } from "@marquee/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createVideoUpload } from "../src/services/videos/uploads";
import { connectedTenant } from "../src/testing";

describe("videos.remove", () => {
  it("keeps the row and explains when Cloudflare fails, then deletes both on retry", async () => {
    const { tenantId, account, caller, deps, emulator } = await connectedTenant("admin");
    const db = deps.db;
    const upload = await createVideoUpload(deps, tenantId, {
      kind: "direct",
      title: "Doomed",
      maxDurationSeconds: 60,
      accessLevel: "members",
    });

    const path = `^/client/v4/accounts/${account.accountId}/stream/${upload.uid}$`;
    emulator.faults.add({ path, method: "DELETE", status: 500, durationMs: 30_000 });
    await expect(caller.videos.remove({ id: upload.videoId })).rejects.toMatchObject({
      code: "BAD_GATEWAY",
      message: expect.stringMatching(/Cloudflare/),
    });
    expect(await db.select().from(videos).where(eq(videos.id, upload.videoId))).toHaveLength(1);
    expect(emulator.video(upload.uid)).toBeDefined();

    emulator.faults.clear();
    await expect(caller.videos.remove({ id: upload.videoId })).resolves.toEqual({ id: upload.videoId });
    expect(await db.select().from(videos).where(eq(videos.id, upload.videoId))).toHaveLength(0);
    expect(emulator.video(upload.uid)).toBeUndefined();
  });

  it("counts a video already gone from Cloudflare as deleted", async () => {
    const { tenantId, account, caller, deps, emulator } = await connectedTenant("admin");
    const db = deps.db;
    const upload = await createVideoUpload(deps, tenantId, {
      kind: "direct",
      title: "Gone",
      maxDurationSeconds: 60,
      accessLevel: "members",
    });
    await emulator.app.fetch(
      new Request(`${emulator.apiBaseUrl}/accounts/${account.accountId}/stream/${upload.uid}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${account.apiToken}` },
      }),
    );
    await expect(caller.videos.remove({ id: upload.videoId })).resolves.toEqual({ id: upload.videoId });
    expect(await db.select().from(videos).where(eq(videos.id, upload.videoId))).toHaveLength(0);
  });
});
