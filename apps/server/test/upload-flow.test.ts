import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createVideoUpload, saveCloudflareSettings } from "@marquee/api";
import { createMember, testSecrets, waitFor } from "@marquee/api/testing";
import { videos, webhookEvents } from "@marquee/db";
import { getTestDatabase } from "@marquee/db/testing";
import { type CloudflareEmulator, createCloudflareEmulator } from "@marquee/emulators";
import { readTestVideo } from "@marquee/emulators/testing";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createLogger } from "../src/logger";

/**
 * The whole loop over real sockets: our server with the emulator mounted, an upload from
 * "the browser", Cloudflare's processing, and its signed webhook back to our endpoint,
 * which the emulator delivers twice.
 */
let server: Server;
let emulator: CloudflareEmulator;
let base: string;
let clip: Uint8Array;

beforeAll(async () => {
  clip = await readTestVideo();
  let handle: (request: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: (request) => handle(request), port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started as Server),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator = createCloudflareEmulator({
    baseUrl: `${base}/emulators/cloudflare`,
    processing: { stepMs: 20 },
    duplicateWebhooks: true,
    webhookRetry: { attempts: 3, baseDelayMs: 50, timeoutMs: 5000 },
    log: () => {},
  });
  const app = createApp({
    database: await getTestDatabase(),
    logger: createLogger("silent"),
    publicUrl: base,
    trustProxy: false,
    secrets: testSecrets,
    emulators: { cloudflare: emulator.app },
    billing: { stripe: {}, publicUrl: base, platformDefault: null },
    cloudflare: {
      apiBaseUrl: emulator.apiBaseUrl,
      customerDomainFor: emulator.customerDomain,
      webhookUrlFor: (id) => `${base}/api/webhooks/cloudflare/${id}`,
      platformDefault: null,
    },
  });
  handle = app.fetch;
});

afterAll(async () => {
  await emulator?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function connectedTenant() {
  const { user, tenantId } = await createMember("owner");
  const account = await emulator.createAccount();
  const deps = {
    db: (await getTestDatabase()).db,
    secrets: testSecrets,
    cloudflare: {
      apiBaseUrl: emulator.apiBaseUrl,
      customerDomainFor: emulator.customerDomain,
      webhookUrlFor: (id: string) => `${base}/api/webhooks/cloudflare/${id}`,
      platformDefault: null,
    },
  };
  await saveCloudflareSettings(
    { ...deps, tenantId, actorUserId: user.id, now: () => new Date() },
    { ...account, replaceWebhook: false },
  );
  return { tenantId, deps };
}

/** Waits for ready, then for every (duplicated) delivery, and checks the row changed once. */
async function expectReadyOnce(videoId: string, uid: string) {
  const db = (await getTestDatabase()).db;
  const row = await waitFor(async () => {
    const [video] = await db.select().from(videos).where(eq(videos.id, videoId));
    return video?.status === "ready" && video;
  });
  expect(row).toMatchObject({ durationSeconds: expect.closeTo(4, 0), width: 320, height: 240, sizeBytes: clip.length });
  const ready = await waitFor(async () => {
    const deliveries = emulator.webhooks.deliveries().filter((d) => d.subject === uid && d.body.includes('"ready"'));
    return deliveries.length >= 2 && deliveries.every((d) => d.state === "delivered") && deliveries;
  });
  expect(ready.length).toBeGreaterThanOrEqual(2);
  const events = await db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.provider, "cloudflare"), like(webhookEvents.eventKey, `%:${uid}:ready:%`)));
  expect(events).toHaveLength(1);
  // attempts counts applications: the duplicate delivery was answered without touching the row.
  expect(events[0]).toMatchObject({ attempts: 1, tenantId: row.tenantId });
  expect(events[0]?.processedAt).toBeInstanceOf(Date);
}

describe("upload to ready", () => {
  it("direct creator upload: one multipart POST, processed, webhook applied once", async () => {
    const t = await connectedTenant();
    const upload = await createVideoUpload(t.deps, t.tenantId, {
      kind: "direct",
      title: "Direct",
      maxDurationSeconds: 60,
      accessLevel: "members",
    });
    const form = new FormData();
    form.append("file", new Blob([clip], { type: "video/mp4" }), "lesson.mp4");
    expect((await fetch(upload.uploadUrl, { method: "POST", body: form })).status).toBe(200);
    await expectReadyOnce(upload.videoId, upload.uid);
  });

  it("TUS: chunks, a PATCH cut mid-body, resumed from the server's offset", async () => {
    const t = await connectedTenant();
    const upload = await createVideoUpload(t.deps, t.tenantId, {
      kind: "tus",
      title: "Resumable",
      sizeBytes: clip.length,
      maxDurationSeconds: 60,
      accessLevel: "members",
    });
    const tus = { "tus-resumable": "1.0.0" };
    const patch = (offset: number, body: Uint8Array | ReadableStream<Uint8Array>, signal?: AbortSignal) =>
      fetch(upload.uploadUrl, {
        method: "PATCH",
        headers: { ...tus, "content-type": "application/offset+octet-stream", "upload-offset": String(offset) },
        body,
        signal,
        duplex: "half",
      } as RequestInit);
    const chunk = 16 * 1024;
    expect((await patch(0, clip.subarray(0, chunk))).status).toBe(204);

    // The second chunk is cut off part-way, as a dropped connection would.
    const controller = new AbortController();
    const partial = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(clip.subarray(chunk, chunk + chunk / 2));
        setTimeout(() => controller.abort(), 150);
      },
    });
    await expect(patch(chunk, partial, controller.signal)).rejects.toThrow();

    const offset = await waitFor(async () => {
      const head = await fetch(upload.uploadUrl, { method: "HEAD", headers: tus });
      return head.status === 200 && Number(head.headers.get("upload-offset"));
    });
    // Resumed from what the server holds, not from zero.
    expect(offset).toBeGreaterThanOrEqual(chunk);
    for (let at = offset; at < clip.length; at += chunk) {
      expect((await patch(at, clip.subarray(at, Math.min(at + chunk, clip.length)))).status).toBe(204);
    }
    await expectReadyOnce(upload.videoId, upload.uid);
  });
});
