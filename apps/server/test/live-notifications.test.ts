import { connectedTenant } from "@marquee/api/testing";
import { liveClasses } from "@marquee/db";
import { getTestDatabase } from "@marquee/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "./support/test-app";

const MINUTE = 60_000;
let app: Awaited<ReturnType<typeof createTestApp>>;
let offset = 0;
const now = () => new Date(Date.now() + offset);

beforeAll(async () => {
  app = await createTestApp({ now });
});

/** A tenant with live notifications set up, and a class starting in five minutes. */
async function classWithNotifications() {
  const t = await connectedTenant();
  const { url, secret } = await t.caller.settings.cloudflare.rotateLiveNotificationSecret();
  const settings = await t.caller.settings.cloudflare.get();
  expect(settings.own?.liveNotifications).toEqual({ url, enabled: true });
  expect(JSON.stringify(settings)).not.toContain(secret);
  const cls = await t.caller.live.create({
    title: "Morning flow",
    scheduledStart: new Date(now().getTime() + 5 * MINUTE),
    durationMinutes: 30,
    priceTokens: 0,
  });
  const path = new URL(url).pathname;
  const post = (body: string, auth: string | null = secret) =>
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth === null ? {} : { "cf-webhook-auth": auth }) },
      body,
    });
  const payload = (eventType: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      name: "Stream Live Input",
      text: `${cls.liveInputUid} ${eventType}`,
      data: {
        notification_name: "Stream Live Input",
        input_id: cls.liveInputUid,
        event_type: eventType,
        updated_at: now().toISOString(),
        ...extra,
      },
      ts: Math.floor(now().getTime() / 1000),
    });
  const notify = (eventType: string, auth: string | null = secret, extra: Record<string, unknown> = {}) =>
    post(payload(eventType, extra), auth);
  const row = async () =>
    (await (await getTestDatabase()).db.select().from(liveClasses).where(eq(liveClasses.id, cls.id)))[0];
  return { ...t, cls, path, post, payload, notify, row, secret };
}

describe("POST /api/webhooks/cloudflare/:connectionId/live", () => {
  it("refuses a missing or wrong cf-webhook-auth, and unknown connections", async () => {
    const w = await classWithNotifications();
    expect((await w.notify("live_input.connected", null)).status).toBe(401);
    expect((await w.notify("live_input.connected", `${w.secret}x`)).status).toBe(401);
    expect((await w.notify("live_input.connected", "")).status).toBe(401);
    const unknown = w.path.replace(/[0-9a-f-]{36}/, crypto.randomUUID());
    expect((await app.request(unknown, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await w.row())?.status).toBe("scheduled");
  });

  it("starts the class when its input connects, once, and ends it on a disconnect after its end", async () => {
    const w = await classWithNotifications();
    const connected = await w.notify("live_input.connected");
    expect(await connected.json()).toMatchObject({ result: "processed" });
    expect(await w.row()).toMatchObject({ status: "live" });

    // A disconnect during the class is an encoder reconnecting, not the end.
    offset += 10 * MINUTE;
    expect(await (await w.notify("live_input.disconnected")).json()).toMatchObject({ result: "ignored" });
    expect((await w.row())?.status).toBe("live");

    offset += 30 * MINUTE;
    const disconnected = w.payload("live_input.disconnected");
    const ended = await w.post(disconnected);
    expect(await ended.json()).toMatchObject({ result: "processed" });
    const endedRow = await w.row();
    expect(endedRow).toMatchObject({ status: "ended" });
    const again = await w.post(disconnected);
    expect(await again.json()).toMatchObject({ result: "duplicate" });
    expect((await w.row())?.updatedAt).toEqual(endedRow?.updatedAt);
  });

  it("shows the instructor why Cloudflare refused the stream, until it connects again", async () => {
    const w = await classWithNotifications();
    const errored = await w.notify("live_input.errored", w.secret, {
      live_input_errored: {
        error: { code: "ERR_UNSUPPORTED_VIDEO_CODEC", message: "The video codec is not supported." },
        video_codec: "HEVC",
      },
    });
    expect(errored.status).toBe(200);
    const listed = await w.caller.live.list();
    expect(listed.scheduled.find((c) => c.id === w.cls.id)?.inputError).toBe(
      "ERR_UNSUPPORTED_VIDEO_CODEC: The video codec is not supported.",
    );
    offset += 1000;
    await w.notify("live_input.connected");
    expect(await w.row()).toMatchObject({ inputError: null, status: "live" });
  });

  it("stops accepting notifications once disabled", async () => {
    const w = await classWithNotifications();
    await w.caller.settings.cloudflare.disableLiveNotifications();
    expect((await w.notify("live_input.connected")).status).toBe(404);
  });
});
