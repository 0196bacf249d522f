import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { State } from "../src/cloudflare/types.ts";
import { type Harness, startEmulator, startReceiver, waitFor } from "./harness.ts";
import { hideBehindMdns, isContiguousRun, play, publish } from "./webrtc-peers.ts";

let h: Harness;
beforeAll(async () => {
  h = await startEmulator();
});
afterAll(() => h.close());

const createInput = (fields: { enabled?: boolean; recording?: { mode?: "automatic" | "off" } } = {}) =>
  h.cf.stream.liveInputs.create({ account_id: h.account.accountId, ...fields });
const urls = (input: Awaited<ReturnType<typeof createInput>>) => ({
  uid: String(input.uid),
  whip: String(input.webRTC?.url),
  whep: String(input.webRTCPlayback?.url),
});
const status = async (uid: string) =>
  (await h.cf.stream.liveInputs.get(uid, { account_id: h.account.accountId })).status;

describe("WebRTC: WHIP publish and WHEP playback", () => {
  it("goes live over WHIP without recording, relays the RTP to a WHEP viewer, and hangs up on DELETE", async () => {
    const receiver = await startReceiver();
    await fetch(`${h.control}/accounts/${h.account.accountId}/live-notifications`, {
      method: "PUT",
      body: JSON.stringify({ url: receiver.url, secret: "s3cret" }),
    });
    // Recording on: a WHIP broadcast is still not recorded (fact sheet §7.3).
    const { uid, whip, whep } = urls(await createInput({ recording: { mode: "automatic" } }));
    const cdn = `${h.account.customerDomain}/${uid}`;

    const publisher = await publish(whip);
    expect(publisher.response.status).toBe(201);
    expect(publisher.response.headers.get("content-type")).toBe("application/sdp");
    expect(publisher.location).toMatch(new RegExp(`^${whip}/[0-9a-f]{32}$`));
    expect(await publisher.response.text()).toMatch(/a=candidate:.* 127\.0\.0\.1 \d+ typ host/);
    await waitFor(async () => (await status(uid)) === "connected");
    expect(await (await fetch(`${cdn}/lifecycle`)).json()).toEqual({ isInput: true, videoUID: null, live: true });
    expect((await h.cf.stream.list({ account_id: h.account.accountId, live_input_id: uid })).result).toEqual([]);
    expect((await fetch(`${cdn}/manifest/video.m3u8`)).status).toBe(204);
    expect(h.emulator.live.webrtc(uid)).toEqual({ publishing: true, viewers: 0 });

    const second = await publish(whip);
    expect(second.response.status).toBe(409);
    await second.close();

    const viewer = await play(whep);
    expect(viewer.response.status).toBe(201);
    expect(viewer.location).toMatch(new RegExp(`^${whep}/[0-9a-f]{32}$`));
    await waitFor(() => viewer.received.video.length >= 25 && viewer.received.audio.length >= 25);
    expect(isContiguousRun(viewer.received.video, "v")).toBe(true);
    expect(isContiguousRun(viewer.received.audio, "a")).toBe(true);
    // Asked for a keyframe when the viewer joined, so it can start decoding.
    expect(publisher.stats.keyframeRequests).toBeGreaterThan(0);
    expect(await (await fetch(`${cdn}/views`)).json()).toEqual({ liveViewers: 1 });
    expect(h.emulator.live.webrtc(uid)).toEqual({ publishing: true, viewers: 1 });
    expect(await (await fetch(`${h.control}/live_inputs/${uid}/webrtc`)).json()).toEqual({
      publishing: true,
      viewers: 1,
    });

    expect((await fetch(String(publisher.location), { method: "DELETE" })).status).toBe(200);
    expect(await status(uid)).toBe("client_disconnect");
    expect(h.emulator.live.webrtc(uid)).toEqual({ publishing: false, viewers: 0 });
    expect(await (await fetch(`${cdn}/lifecycle`)).json()).toEqual({ isInput: true, videoUID: null, live: false });
    // The server ended the viewer's session: no more media, and its URL is gone.
    const count = viewer.received.video.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(viewer.received.video.length).toBe(count);
    expect((await fetch(String(viewer.location), { method: "DELETE" })).status).toBe(404);
    expect((await fetch(String(publisher.location), { method: "DELETE" })).status).toBe(404);

    await waitFor(() => receiver.received.length === 2);
    const events = receiver.received.map((r) => JSON.parse(r.body) as { data: { event_type: string } });
    expect(events.map((e) => e.data.event_type)).toEqual(["live_input.connected", "live_input.disconnected"]);
    await Promise.all([publisher.close(), viewer.close(), receiver.close()]);
  });

  it("ends a viewer on DELETE and takes a new broadcaster after a hang-up", async () => {
    const { uid, whip, whep } = urls(await createInput());
    const first = await publish(whip);
    await waitFor(() => h.emulator.live.webrtc(uid).publishing);
    const viewer = await play(whep);
    await waitFor(() => h.emulator.live.webrtc(uid).viewers === 1);
    expect((await fetch(String(viewer.location), { method: "DELETE" })).status).toBe(200);
    expect(h.emulator.live.webrtc(uid)).toEqual({ publishing: true, viewers: 0 });
    expect(await (await fetch(`${h.account.customerDomain}/${uid}/views`)).json()).toEqual({ liveViewers: 0 });

    // A disconnect from elsewhere (control API, key rotation, deletion) hangs up the broadcaster too.
    await fetch(`${h.control}/live_inputs/${uid}/disconnect`, { method: "POST" });
    expect(h.emulator.live.webrtc(uid).publishing).toBe(false);
    const next = await publish(whip);
    expect(next.response.status).toBe(201);
    await waitFor(async () => (await status(uid)) === "connected");
    await Promise.all([first.close(), viewer.close(), next.close()]);
  });

  it("refuses a wrong secret, a disabled input, a body that is not SDP and WHEP with nothing published", async () => {
    const { whip, whep } = urls(await createInput());
    const wrong = await publish(whip.replace(/\/[0-9a-f]{32}k/, `/${"0".repeat(32)}k`));
    expect(wrong.response.status).toBe(404);
    const notSdp = await fetch(whip, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(notSdp.status).toBe(415);
    const nothing = await play(whep);
    expect(nothing.response.status).toBe(409);
    expect(await nothing.response.text()).toContain("not broadcasting");

    const disabled = urls(await createInput({ enabled: false }));
    const refused = await publish(disabled.whip);
    expect(refused.response.status).toBe(409);
    await Promise.all([wrong.close(), nothing.close(), refused.close()]);
  });

  it("plays by signed token only when the input requires signed URLs, and checks allowed origins", async () => {
    const account_id = h.account.accountId;
    const { uid, whip, whep } = urls(await createInput());
    await h.cf.stream.liveInputs.update(uid, { account_id, recording: { requireSignedURLs: true } });
    const publisher = await publish(whip);
    await waitFor(() => h.emulator.live.webrtc(uid).publishing);

    const byUid = await play(whep);
    expect(byUid.response.status).toBe(401);
    const { token } = await h.cf.stream.token.create(uid, { account_id });
    const byToken = await play(whep.replace(`/${uid}/`, `/${token}/`));
    expect(byToken.response.status).toBe(201);
    expect(byToken.location).toContain(`/${token}/webRTC/play/`);
    await waitFor(() => byToken.received.video.length >= 5);
    const forged = await play(whep.replace(`/${uid}/`, "/a.b.c/"));
    expect(forged.response.status).toBe(401);

    await h.cf.stream.liveInputs.update(uid, {
      account_id,
      recording: { requireSignedURLs: false, allowedOrigins: ["app.example.com"] },
    });
    const foreign = await play(whep, { headers: { origin: "https://evil.example.com" } });
    expect(foreign.response.status).toBe(403);
    const allowed = await play(whep, { headers: { origin: "https://app.example.com" } });
    expect(allowed.response.status).toBe(201);
    expect(allowed.response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(allowed.response.headers.get("access-control-expose-headers")).toContain("Location");
    await Promise.all([publisher, byUid, byToken, forged, foreign, allowed].map((peer) => peer.close()));
  });

  it("connects peers that hide their addresses behind mDNS names (browser pages without camera permission)", async () => {
    const { uid, whip, whep } = urls(await createInput());
    const publisher = await publish(whip, { rewriteOffer: hideBehindMdns });
    expect(publisher.response.status).toBe(201);
    await waitFor(() => h.emulator.live.webrtc(uid).publishing, 5000);
    const viewer = await play(whep, { rewriteOffer: hideBehindMdns });
    await waitFor(() => viewer.received.video.length >= 5, 5000);
    await Promise.all([publisher.close(), viewer.close()]);
  });

  it("closes its peers on close() and does not carry a WHIP broadcast over a restart", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "cf-webrtc-"));
    const first = await startEmulator({ dataDir });
    const input = await first.cf.stream.liveInputs.create({ account_id: first.account.accountId });
    const uid = String(input.uid);
    const publisher = await publish(String(input.webRTC?.url));
    await waitFor(() => first.emulator.live.webrtc(uid).publishing);
    await first.close();
    const saved = JSON.parse(await readFile(join(dataDir, "state.json"), "utf8")) as State;
    expect(saved.liveInputs.find((l) => l.uid === uid)).toMatchObject({ session: null, status: "client_disconnect" });

    const second = await startEmulator({ dataDir });
    expect(second.emulator.live.webrtc(uid)).toEqual({ publishing: false, viewers: 0 });
    await Promise.all([second.close(), publisher.close()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers CORS preflights for the WHIP and WHEP URLs", async () => {
    const { whip, whep } = urls(await createInput());
    for (const url of [whip, whep, `${whip}/0123`]) {
      const response = await fetch(url, {
        method: "OPTIONS",
        headers: {
          origin: "https://tenant.example.com",
          "access-control-request-method": url.endsWith("0123") ? "DELETE" : "POST",
          "access-control-request-headers": "content-type",
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("https://tenant.example.com");
      expect(response.headers.get("access-control-allow-methods")).toContain("POST");
      expect(response.headers.get("access-control-allow-methods")).toContain("DELETE");
      expect(response.headers.get("access-control-allow-headers")).toContain("Content-Type");
      expect(response.headers.get("access-control-expose-headers")).toContain("Location");
    }
  });
});
