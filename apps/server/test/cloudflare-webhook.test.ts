import { randomBytes } from "node:crypto";
import { connectedTenant, testSecrets } from "@marquee/api/testing";
import { cloudflareConnections, videos, webhookEvents } from "@marquee/db";
import { getTestDatabase } from "@marquee/db/testing";
import { signWebhookBody } from "@marquee/stream";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "./support/test-app";

let app: Awaited<ReturnType<typeof createTestApp>>;
const db = async () => (await getTestDatabase()).db;

/** A tenant connected to its own emulator account, with one uploaded (pending) video. */
async function connectedTenantWithVideo() {
  const { tenantId } = await connectedTenant();
  const [connection] = await (await db())
    .select()
    .from(cloudflareConnections)
    .where(eq(cloudflareConnections.tenantId, tenantId));
  if (!connection?.webhookSecretSealed) throw new Error("connection missing");
  const uid = randomBytes(16).toString("hex");
  const [video] = await (await db())
    .insert(videos)
    .values({ tenantId, connectionId: connection.id, cloudflareUid: uid, title: "Lesson" })
    .returning();
  if (!video) throw new Error("video missing");
  return {
    connectionId: connection.id,
    secret: testSecrets.open(connection.webhookSecretSealed),
    uid,
    videoId: video.id,
  };
}

function readyBody(uid: string, modified = new Date().toISOString()) {
  return JSON.stringify({
    uid,
    modified,
    duration: 12.5,
    size: 48_213,
    input: { width: 320, height: 240 },
    thumbnail: `https://customer-x.cloudflarestream.com/${uid}/thumbnails/thumbnail.jpg`,
    readyToStream: true,
    status: { state: "ready", pctComplete: "100.000000", errorReasonCode: "", errorReasonText: "" },
  });
}

// The server's clock, frozen so "301 s old" is exactly that whatever second the test runs in.
const frozen = new Date();
const now = () => Math.floor(frozen.getTime() / 1000);

function deliver(connectionId: string, body: string, signature: string) {
  return app.request(`/api/webhooks/cloudflare/${connectionId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "webhook-signature": signature },
    body,
  });
}

async function videoRow(videoId: string) {
  const [row] = await (await db()).select().from(videos).where(eq(videos.id, videoId));
  return row;
}

async function eventCount(uid: string) {
  const rows = await (await db()).select().from(webhookEvents).where(eq(webhookEvents.provider, "cloudflare"));
  return rows.filter((row) => row.eventKey.includes(uid)).length;
}

beforeAll(async () => {
  app = await createTestApp({ now: () => frozen });
});

describe("POST /api/webhooks/cloudflare/:connectionId", () => {
  it("accepts a correctly signed event and moves the video to ready", async () => {
    const t = await connectedTenantWithVideo();
    const body = readyBody(t.uid);
    const res = await deliver(t.connectionId, body, signWebhookBody(body, t.secret, now()));
    expect(res.status).toBe(200);
    expect(await videoRow(t.videoId)).toMatchObject({
      status: "ready",
      durationSeconds: 12.5,
      width: 320,
      height: 240,
      sizeBytes: 48_213,
    });
  });

  it("rejects forgeries and stale or future timestamps, and changes nothing", async () => {
    const t = await connectedTenantWithVideo();
    const other = await connectedTenantWithVideo();
    const body = readyBody(t.uid);
    const cases: [string, string, string][] = [
      ["tampered body", body.replace("12.5", "99"), signWebhookBody(body, t.secret, now())],
      ["re-serialised JSON", JSON.stringify(JSON.parse(body), null, 2), signWebhookBody(body, t.secret, now())],
      ["wrong secret", body, signWebhookBody(body, "not-the-secret", now())],
      ["another account's secret", body, signWebhookBody(body, other.secret, now())],
      ["301 s old", body, signWebhookBody(body, t.secret, now() - 301)],
      ["301 s ahead", body, signWebhookBody(body, t.secret, now() + 301)],
      ["no signature", body, ""],
      ["malformed signature", body, "time=abc,sig1=zz"],
    ];
    for (const [label, sent, signature] of cases) {
      const res = await deliver(t.connectionId, sent, signature);
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
    }
    expect((await deliver(randomBytes(16).toString("hex"), body, signWebhookBody(body, t.secret, now()))).status).toBe(
      404,
    );
    expect((await videoRow(t.videoId))?.status).toBe("pendingupload");
    expect(await eventCount(t.uid)).toBe(0);
  });

  it("ignores a correctly signed event about a video of a tenant on another account", async () => {
    const t = await connectedTenantWithVideo();
    const other = await connectedTenantWithVideo();
    // Signed with t's own secret and sent to t's endpoint, but about other's uid.
    const body = readyBody(other.uid);
    const res = await deliver(t.connectionId, body, signWebhookBody(body, t.secret, now()));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: "ignored" });
    expect((await videoRow(other.videoId))?.status).toBe("pendingupload");
  });

  it("has one effect when the same event arrives 20 times at once", async () => {
    const t = await connectedTenantWithVideo();
    const body = readyBody(t.uid);
    const signature = signWebhookBody(body, t.secret, now());
    const responses = await Promise.all(Array.from({ length: 20 }, () => deliver(t.connectionId, body, signature)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const results = await Promise.all(responses.map(async (r) => ((await r.json()) as { result: string }).result));
    expect(results.filter((r) => r === "processed")).toHaveLength(1);
    expect(results.filter((r) => r === "duplicate")).toHaveLength(19);
    expect(await eventCount(t.uid)).toBe(1);
    expect((await videoRow(t.videoId))?.status).toBe("ready");
  });

  it("never lets an older event overwrite a newer state", async () => {
    const t = await connectedTenantWithVideo();
    const newer = readyBody(t.uid, "2026-11-23T10:00:00.000000Z");
    const older = JSON.stringify({
      uid: t.uid,
      modified: "2026-11-23T09:00:00.000000Z",
      status: { state: "inprogress", pctComplete: "40.000000" },
    });
    expect((await deliver(t.connectionId, newer, signWebhookBody(newer, t.secret, now()))).status).toBe(200);
    expect((await deliver(t.connectionId, older, signWebhookBody(older, t.secret, now()))).status).toBe(200);
    expect((await videoRow(t.videoId))?.status).toBe("ready");
  });
});
