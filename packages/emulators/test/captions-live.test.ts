import Cloudflare from "cloudflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startEmulator, startReceiver, uploadReadyVideo, waitFor } from "./harness.ts";
import { expectMatchesSpec } from "./schema.ts";

let h: Harness;
let uid: string;
beforeAll(async () => {
  h = await startEmulator();
  uid = await uploadReadyVideo(h);
});
afterAll(() => h.close());

// The SDK types `file` as a string; a File (what a browser form sends) goes through the same multipart path.
const vtt = (text: string) => new File([text], "captions.vtt", { type: "text/vtt" }) as unknown as string;
const captionPath = "/accounts/{account_id}/stream/{identifier}/captions/{language}";

describe("captions", () => {
  it("uploads WebVTT per language, lists, reads, fetches the VTT and deletes", async () => {
    const account_id = h.account.accountId;
    const languages = h.cf.stream.captions.language;
    const tr = await languages.update("tr", {
      account_id,
      identifier: uid,
      file: vtt("WEBVTT\n\n00:00.000 --> 00:01.000\nMerhaba\n"),
    });
    expectMatchesSpec("put", captionPath, 200, h.last().body);
    expect(tr).toEqual({ language: "tr", label: "Türkçe", generated: false, status: "ready" });
    await languages.update("en-GB", { account_id, identifier: uid, file: vtt("WEBVTT\n") });
    const list = await h.cf.stream.captions.get(uid, { account_id });
    expectMatchesSpec("get", "/accounts/{account_id}/stream/{identifier}/captions", 200, h.last().body);
    expect(list.result.map((c) => c.label)).toEqual(["Türkçe", "British English"]);
    expect(await languages.get("tr", { account_id, identifier: uid })).toMatchObject({ language: "tr" });
    expectMatchesSpec("get", captionPath, 200, h.last().body);
    expect(await languages.vtt.get("tr", { account_id, identifier: uid })).toContain("Merhaba");
    expect(await languages.delete("tr", { account_id, identifier: uid })).toBe("");
    expectMatchesSpec("delete", captionPath, 200, h.last().body);
    await expect(languages.get("tr", { account_id, identifier: uid })).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it("refuses a file that is not WebVTT, with a clear 400", async () => {
    const error = await h.cf.stream.captions.language
      .update("fr", {
        account_id: h.account.accountId,
        identifier: uid,
        file: vtt("1\n00:00:00,000 --> 00:00:01,000\nSRT\n"),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cloudflare.BadRequestError);
    expect(JSON.stringify(h.last().body)).toContain("not WebVTT");
    expectMatchesSpec("put", captionPath, 400, h.last().body);
  });

  it("simulates AI caption generation", async () => {
    const generated = await h.cf.stream.captions.language.create("es", {
      account_id: h.account.accountId,
      identifier: uid,
    });
    expect(generated).toMatchObject({ generated: true, status: "inprogress", label: "Español (auto-generated)" });
    await waitFor(
      async () =>
        (await h.cf.stream.captions.language.get("es", { account_id: h.account.accountId, identifier: uid })).status ===
        "ready",
    );
  });
});

describe("live inputs", () => {
  const livePath = "/accounts/{account_id}/stream/live_inputs/{live_input_identifier}";

  it("creates, reads, lists, updates and deletes", async () => {
    const account_id = h.account.accountId;
    const created = await h.cf.stream.liveInputs.create({
      account_id,
      meta: { name: "class" },
      recording: { mode: "automatic" },
    });
    expectMatchesSpec("post", "/accounts/{account_id}/stream/live_inputs", 200, h.last().body);
    expect(created).toMatchObject({
      meta: { name: "class" },
      status: null,
      recording: { mode: "automatic", requireSignedURLs: false },
    });
    expect(created.rtmps?.url).toMatch(/^rtmps:\/\/127\.0\.0\.1:443\/live\/$/);
    const uid = String(created.uid);
    expect(created.webRTC?.url).toBe(
      `${h.account.customerDomain}/${created.webRTC?.url?.split("/").at(-3)}/webRTC/publish`,
    );
    expect(created.webRTC?.url?.split("/").at(-3)).toMatch(new RegExp(`^[0-9a-f]{32}k${uid}$`));
    expect(created.webRTCPlayback?.url).toBe(`${h.account.customerDomain}/${uid}/webRTC/play`);
    expect(await h.cf.stream.liveInputs.get(uid, { account_id })).toMatchObject({ uid });
    expectMatchesSpec("get", livePath, 200, h.last().body);
    const list = await h.cf.stream.liveInputs.list({ account_id, include_counts: true });
    expectMatchesSpec("get", "/accounts/{account_id}/stream/live_inputs", 200, h.last().body);
    expect(list.liveInputs?.map((l) => l.uid)).toContain(uid);
    expect(list.liveInputs?.[0]).not.toHaveProperty("rtmps");
    const updated = await h.cf.stream.liveInputs.update(uid, {
      account_id,
      deleteRecordingAfterDays: 45,
      recording: { requireSignedURLs: true },
    });
    expectMatchesSpec("put", livePath, 200, h.last().body);
    expect(updated).toMatchObject({
      deleteRecordingAfterDays: 45,
      recording: { mode: "automatic", requireSignedURLs: true },
    });
    await expect(
      h.cf.stream.liveInputs.update(uid, { account_id, deleteRecordingAfterDays: 5 }),
    ).rejects.toBeInstanceOf(Cloudflare.BadRequestError);
    await h.cf.stream.liveInputs.delete(uid, { account_id });
    await expect(h.cf.stream.liveInputs.get(uid, { account_id })).rejects.toBeInstanceOf(Cloudflare.NotFoundError);
  });

  it("simulates a broadcast: notifications, live manifest, recording, lifecycle and views", async () => {
    const account_id = h.account.accountId;
    const receiver = await startReceiver();
    const destination = await fetch(`${h.control}/accounts/${account_id}/live-notifications`, {
      method: "PUT",
      body: JSON.stringify({ url: receiver.url, secret: "s3cret" }),
    });
    expect(destination.status).toBe(200);
    const input = await h.cf.stream.liveInputs.create({
      account_id,
      recording: { mode: "automatic" },
      deleteRecordingAfterDays: 30,
    });
    const inputUid = String(input.uid);
    const cdn = `${h.account.customerDomain}/${inputUid}`;
    expect((await fetch(`${cdn}/manifest/video.m3u8`)).status).toBe(204);
    expect(await (await fetch(`${cdn}/lifecycle`)).json()).toEqual({ isInput: true, videoUID: null, live: false });

    const connected = await fetch(`${h.control}/live_inputs/${inputUid}/connect`, { method: "POST" });
    const { videoUid } = (await connected.json()) as { videoUid: string };
    expect((await h.cf.stream.liveInputs.get(inputUid, { account_id })).status).toBe("connected");
    expect(h.emulator.video(videoUid)).toMatchObject({ liveInput: inputUid, status: { state: "live-inprogress" } });
    expect(await (await fetch(`${cdn}/lifecycle`)).json()).toEqual({ isInput: true, videoUID: videoUid, live: true });
    const live = await (await fetch(`${cdn}/manifest/stream.m3u8`)).text();
    expect(live).toContain("#EXT-X-MEDIA-SEQUENCE:0");
    expect(live).not.toContain("#EXT-X-ENDLIST");
    expect((await fetch(`${cdn}/manifest/seg/0.ts`)).status).toBe(200);
    expect((await fetch(`${h.account.customerDomain}/${videoUid}/manifest/video.m3u8`)).status).toBe(200);
    await fetch(`${h.control}/live_inputs/${inputUid}/viewers`, { method: "PUT", body: JSON.stringify({ count: 7 }) });
    expect(await (await fetch(`${cdn}/views`)).json()).toEqual({ liveViewers: 7 });

    await fetch(`${h.control}/live_inputs/${inputUid}/disconnect`, { method: "POST" });
    await waitFor(() => h.emulator.video(videoUid)?.status.state === "ready");
    const recording = h.emulator.video(videoUid);
    expect(recording?.duration).toBeGreaterThan(0);
    expect(Date.parse(String(recording?.scheduledDeletion)) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const vod = await (await fetch(`${h.account.customerDomain}/${videoUid}/manifest/stream.m3u8`)).text();
    expect(vod).toContain("#EXT-X-ENDLIST");
    expect((await fetch(`${cdn}/manifest/video.m3u8`)).status).toBe(204);

    const recordings = await h.cf.get(`/accounts/${account_id}/stream/live_inputs/${inputUid}/videos`);
    expect((recordings as { result: { uid: string }[] }).result.map((v) => v.uid)).toEqual([videoUid]);
    expect((await h.cf.stream.list({ account_id, live_input_id: inputUid })).result).toHaveLength(1);

    await waitFor(() => receiver.received.length === 2);
    const events = receiver.received.map(
      (r) => JSON.parse(r.body) as { data: { event_type: string; input_id: string } },
    );
    expect(events.map((e) => e.data.event_type)).toEqual(["live_input.connected", "live_input.disconnected"]);
    expect(events[0]?.data.input_id).toBe(inputUid);
    expect(receiver.received.every((r) => r.headers["cf-webhook-auth"] === "s3cret")).toBe(true);
    await receiver.close();
  });

  it("refuses a broadcast on a disabled input, over RTMPS and over WHIP", async () => {
    const input = await h.cf.stream.liveInputs.create({ account_id: h.account.accountId, enabled: false });
    expect((await fetch(`${h.control}/live_inputs/${input.uid}/connect`, { method: "POST" })).status).toBe(409);
    expect((await fetch(String(input.webRTC?.url), { method: "POST" })).status).toBe(409);
  });
});
