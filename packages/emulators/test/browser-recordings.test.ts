import { spawn } from "node:child_process";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseProbe } from "../src/cloudflare/media.ts";
import { type Harness, startEmulator, waitFor } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startEmulator();
});
afterAll(() => h.close());

function ffmpeg(args: string[], input?: Buffer): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegInstaller.path, ["-hide_banner", ...args], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", () => resolve({ stdout: Buffer.concat(out), stderr }));
    child.stdin.end(input);
  });
}

/** How many video frames a file holds, counted by reading its packets through. */
async function videoFrames(file: Buffer): Promise<number> {
  const { stderr } = await ffmpeg(["-i", "pipe:0", "-map", "0:v:0", "-c", "copy", "-f", "null", "-"], file);
  return Number([...stderr.matchAll(/frame=\s*(\d+)/g)].at(-1)?.[1] ?? 0);
}

/**
 * A 3 s VP8/Opus WebM as a browser's MediaRecorder writes a live class: streamed, so the
 * header carries no duration, and about 30 frames a second at irregular times (a camera
 * under load), on a millisecond clock.
 */
async function browserRecording(): Promise<Buffer> {
  const { stdout } = await ffmpeg([
    ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=1000:duration=3"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:duration=3"],
    ...["-vf", "select='lt(mod(n*7919\\,1000)\\,30)'", "-vsync", "vfr"],
    ...["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "300k", "-c:a", "libopus", "-f", "webm", "pipe:1"],
  ]);
  return stdout;
}

describe("a browser's recording of a live class", () => {
  it("becomes a ready video of its real length, keeping its own frames rather than a thousand a second", async () => {
    const webm = await browserRecording();
    const header = parseProbe((await ffmpeg(["-i", "pipe:0"], webm)).stderr);
    expect(header).toMatchObject({ hasVideo: true, duration: null });
    const sourceFrames = await videoFrames(webm);
    expect(sourceFrames).toBeGreaterThan(60);

    // Uploaded as the console does after a browser broadcast: a resumable creator upload.
    const created = await h.cf.stream
      .create({
        account_id: h.account.accountId,
        direct_user: true,
        "Tus-Resumable": "1.0.0",
        "Upload-Length": webm.byteLength,
        "Upload-Metadata": `name ${Buffer.from("Class recording").toString("base64")},maxdurationseconds ${Buffer.from("600").toString("base64")}`,
      })
      .asResponse();
    const location = String(created.headers.get("location"));
    const uid = String(created.headers.get("stream-media-id"));
    await new Promise<void>((resolve, reject) => {
      new tus.Upload(webm, { uploadUrl: location, onSuccess: () => resolve(), onError: reject }).start();
    });

    await waitFor(() => ["ready", "error"].includes(String(h.emulator.video(uid)?.status.state)), 20_000);
    const video = h.emulator.video(uid);
    expect(video?.status).toMatchObject({ state: "ready", errorReasonCode: "" });
    expect(video?.duration).toBeCloseTo(3, 0);
    expect(video?.input).toEqual({ width: 320, height: 240 });

    const base = `${h.account.customerDomain}/${uid}/manifest`;
    const playlist = await (await fetch(`${base}/stream.m3u8`)).text();
    const lengths = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((match) => Number(match[1]));
    expect(lengths.reduce((sum, seconds) => sum + seconds, 0)).toBeCloseTo(3, 0);
    const segments = playlist.split("\n").filter((line) => line.startsWith("seg/"));
    const stream = Buffer.concat(
      await Promise.all(
        segments.map(async (name) => Buffer.from(await (await fetch(`${base}/${name}`)).arrayBuffer())),
      ),
    );
    expect(Math.abs((await videoFrames(stream)) - sourceFrames)).toBeLessThanOrEqual(2);
  });
});
