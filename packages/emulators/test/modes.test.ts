import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import Cloudflare from "cloudflare";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createCloudflareEmulator } from "../src/index.ts";
import { directUpload, fixtureVideo, startEmulator, waitFor } from "./harness.ts";

describe("persistence", () => {
  it("keeps accounts, videos and media across a restart on the same dataDir", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "cf-emulator-persist-"));
    const first = await startEmulator({ dataDir });
    const { uid } = await directUpload(first, await fixtureVideo());
    await waitFor(() => first.emulator.video(uid)?.status.state === "ready");
    await first.close();

    const second = await startEmulator({ dataDir });
    const { accountId, apiToken } = first.account;
    const cf = new Cloudflare({ apiToken, baseURL: `${second.url}/client/v4`, maxRetries: 0 });
    const video = await cf.stream.get(uid, { account_id: accountId });
    expect(video.status?.state).toBe("ready");
    const playback = String(video.playback?.hls);
    expect(playback.startsWith(second.url)).toBe(true);
    expect((await fetch(playback)).status).toBe(200);
    await second.close();
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe("embedded mode", () => {
  it("works mounted under a path prefix of another Hono app", async () => {
    const host = new Hono();
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: (request) => host.fetch(request), port: 0, hostname: "127.0.0.1" }, () =>
        resolve(started),
      );
    });
    const port = (server.address() as AddressInfo).port;
    const emulator = createCloudflareEmulator({
      baseUrl: `http://127.0.0.1:${port}/emulators/cloudflare`,
      processing: { stepMs: 10 },
      log: () => {},
    });
    host.get("/healthz", (c) => c.text("ok"));
    host.route("/emulators/cloudflare", emulator.app);

    const account = await emulator.createAccount({ accountId: "a".repeat(32), apiToken: "dev-token" });
    expect(account.apiBaseUrl).toBe(`http://127.0.0.1:${port}/emulators/cloudflare/client/v4`);
    const cf = new Cloudflare({ apiToken: "dev-token", baseURL: account.apiBaseUrl, maxRetries: 0 });
    const { uploadURL, uid } = await cf.stream.directUpload.create({
      account_id: account.accountId,
      maxDurationSeconds: 30,
    });
    expect(uploadURL).toBe(`http://127.0.0.1:${port}/emulators/cloudflare/upload/${uid}`);
    const form = new FormData();
    form.append("file", new Blob([await readFile(await fixtureVideo())]), "clip.mp4");
    expect((await fetch(String(uploadURL), { method: "POST", body: form })).status).toBe(200);
    await waitFor(() => emulator.video(String(uid))?.status.state === "ready");
    const hls = String(emulator.video(String(uid))?.playback.hls);
    expect(hls).toBe(`${account.customerDomain}/${uid}/manifest/video.m3u8`);
    expect((await fetch(hls)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    await emulator.close();
    server.close();
  });
});
