import { createHmac, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import Cloudflare from "cloudflare";
import { createMedia } from "../src/cloudflare/media.ts";
import { type ServeOptions, serveCloudflareEmulator } from "../src/serve.ts";

export const media = createMedia(ffmpegInstaller.path, 4);

let fixture: Promise<string> | null = null;
/** A 3 s 320x240 H.264/AAC clip made with ffmpeg's lavfi sources, once per test process. */
export function fixtureVideo(): Promise<string> {
  fixture ??= (async () => {
    const dir = join(tmpdir(), "marquee-emulator-fixtures");
    const file = join(dir, "clip-3s.mp4");
    if (!existsSync(file)) {
      await mkdir(dir, { recursive: true });
      const temp = join(dir, `clip-${process.pid}.mp4`);
      await media.makeTestVideo(temp, { seconds: 3 });
      await rename(temp, file);
    }
    return file;
  })();
  return fixture;
}

export type Recorded = { method: string; url: string; status: number; body: unknown };

/** The emulator on a free port, one account, and the official SDK pointed at it (recording raw responses). */
export async function startEmulator(options: ServeOptions = {}) {
  const served = await serveCloudflareEmulator({
    processing: { stepMs: 20 },
    webhookRetry: { attempts: 4, baseDelayMs: 50, timeoutMs: 2000 },
    log: () => {},
    ...options,
  });
  const account = await served.emulator.createAccount();
  const calls: Recorded[] = [];
  const recordingFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const response = await fetch(input, init);
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {}
    calls.push({ method: init?.method ?? "GET", url: String(input), status: response.status, body });
    return response;
  };
  const sdk = (apiToken = account.apiToken, maxRetries = 0) =>
    new Cloudflare({ apiToken, baseURL: account.apiBaseUrl, fetch: recordingFetch, maxRetries });
  const last = () => {
    const call = calls.at(-1);
    if (!call) throw new Error("no call recorded");
    return call;
  };
  return { ...served, account, cf: sdk(), sdk, calls, last, control: `${served.url}/__emulator` };
}

export type Harness = Awaited<ReturnType<typeof startEmulator>>;

export async function waitFor<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  ms = 15_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error("waitFor timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export type Received = { headers: IncomingHttpHeaders; body: string; at: number };

/** A local HTTP receiver for webhooks; answers with `statuses` in turn, then 200. */
export async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body, at: Date.now() });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Direct creator upload of a file through the SDK and the returned one-time URL. */
export async function directUpload(
  h: Harness,
  file: string | Blob,
  fields: { requireSignedURLs?: boolean; maxDurationSeconds?: number } = {},
) {
  const { uploadURL, uid } = await h.cf.stream.directUpload.create({
    account_id: h.account.accountId,
    maxDurationSeconds: 60,
    ...fields,
  });
  const blob = typeof file === "string" ? new Blob([await readFile(file)]) : file;
  const form = new FormData();
  form.append("file", blob, typeof file === "string" ? "clip.mp4" : "upload.bin");
  const response = await fetch(String(uploadURL), { method: "POST", body: form });
  return { uid: String(uid), uploadURL: String(uploadURL), response };
}

export async function uploadReadyVideo(h: Harness, fields: { requireSignedURLs?: boolean } = {}) {
  const { uid } = await directUpload(h, await fixtureVideo(), fields);
  await waitFor(() => h.emulator.video(uid)?.status.state === "ready");
  return uid;
}

/** Verification exactly as the fact sheet §6.3 describes it, against the raw body. */
export function verifySignature(received: Received, key: string) {
  const header = String(received.headers["webhook-signature"]);
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  const expected = createHmac("sha256", key).update(`${parts.time}.${received.body}`).digest("hex");
  return (
    timingSafeEqual(Buffer.from(expected), Buffer.from(String(parts.sig1))) &&
    Math.abs(Date.now() / 1000 - Number(parts.time)) < 300
  );
}
