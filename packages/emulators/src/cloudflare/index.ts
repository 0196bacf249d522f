import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import { type AccountInfo, type CreateAccountOptions, createAccount } from "./accounts.ts";
import { minutesDelivered, recordDelivery } from "./analytics.ts";
import { createApp } from "./app.ts";
import type { Emulator } from "./context.ts";
import { createDispatcher, type Delivery, type RetryOptions } from "./dispatcher.ts";
import { createFaults, type FaultRule } from "./faults.ts";
import { createClock } from "./ids.ts";
import { connect, disconnect, errored, forgetWebRtcSession } from "./live.ts";
import { liveSourceLoader } from "./live-source.ts";
import { createMedia } from "./media.ts";
import { processVideo, sourceFile } from "./processing.ts";
import { createStore } from "./store.ts";
import { createTimers } from "./timers.ts";
import { createTus } from "./tus.ts";
import { apiBaseUrl, controlBaseUrl, customerDomainBase } from "./urls.ts";
import { toApiVideo } from "./video-view.ts";
import { notifyVideo } from "./webhooks.ts";
import { createWebRtcHub } from "./webrtc/hub.ts";

export type CloudflareEmulatorOptions = {
  /** The public URL the app is reached at, e.g. `http://localhost:3000/emulators/cloudflare`; every URL derives from it. */
  baseUrl: string;
  /** Persist state (JSON) and media under this directory; without it everything lives in a temp dir removed on close. */
  dataDir?: string;
  /** `stepMs`: time between processing stages (default 500). `segmentSeconds`: HLS segment length (default 4). */
  processing?: { stepMs?: number; segmentSeconds?: number };
  /** Webhook retries: attempts in all (default 5), first retry delay doubling each time (default 2000 ms). */
  webhookRetry?: Partial<RetryOptions>;
  /** Deliver every webhook twice, to exercise receivers' idempotency. */
  duplicateWebhooks?: boolean;
  faults?: { latencyMs?: number; rules?: FaultRule[] };
  now?: () => Date;
  ffmpegPath?: string;
  /** A video file to loop for simulated broadcasts; default a generated 12 s test pattern. */
  liveSourceFile?: string;
  /**
   * WHIP/WHEP peers. `hostAddresses`: extra addresses for host ICE candidates (default `["127.0.0.1"]`, so a browser
   * on this machine connects over loopback too); `portRange`: UDP ports to bind (default any free port).
   */
  webrtc?: { hostAddresses?: string[]; portRange?: [number, number] };
  log?: (message: string) => void;
};

export function createCloudflareEmulator(options: CloudflareEmulatorOptions) {
  const persist = options.dataDir !== undefined;
  const root = options.dataDir ?? mkdtempSync(join(tmpdir(), "cf-emulator-"));
  const log = options.log ?? ((message: string) => console.warn(`[cloudflare-emulator] ${message}`));
  const clock = createClock(options.now);
  const timers = createTimers((error) =>
    log(`background job failed: ${error instanceof Error ? error.stack : String(error)}`),
  );
  const store = createStore(root, persist);
  const media = createMedia(options.ffmpegPath ?? ffmpegInstaller.path, options.processing?.segmentSeconds ?? 4);
  const retry: RetryOptions = { attempts: 5, baseDelayMs: 2000, timeoutMs: 10_000, ...options.webhookRetry };
  const emu: Emulator = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    store,
    clock,
    media,
    timers,
    dispatcher: createDispatcher({ retry, duplicate: options.duplicateWebhooks ?? false, timers, now: clock.now, log }),
    stepMs: options.processing?.stepMs ?? 500,
    log,
    liveSource: liveSourceLoader(media, store.paths.liveSource, options.liveSourceFile),
    webrtc: createWebRtcHub({
      hostAddresses: options.webrtc?.hostAddresses ?? ["127.0.0.1"],
      portRange: options.webrtc?.portRange,
    }),
  };
  const faults = createFaults(clock.now, options.faults?.latencyMs);
  for (const rule of options.faults?.rules ?? []) faults.add(rule);
  const tus = createTus(emu);
  const app = createApp(emu, tus, faults);

  // A WHIP broadcaster's peer connection did not survive the restart.
  for (const input of store.state.liveInputs) forgetWebRtcSession(input);
  // A restart mid-encode resumes the work from the stored original.
  for (const video of store.state.videos) {
    const interrupted = video.state === "queued" || video.state === "inprogress";
    if (interrupted && video.uploadKind !== "live" && existsSync(sourceFile(emu, video.uid))) {
      timers.after(0, () => processVideo(emu, video));
    }
  }

  const knownAccount = (id: string) => {
    const account = store.account(id);
    if (!account) throw new Error(`Unknown account ${id}`);
    return account;
  };
  const liveInput = (uid: string) => {
    const input = store.state.liveInputs.find((l) => l.uid === uid);
    if (!input) throw new Error(`Unknown live input ${uid}`);
    return input;
  };

  return {
    app,
    baseUrl: emu.baseUrl,
    apiBaseUrl: apiBaseUrl(emu.baseUrl),
    controlBaseUrl: controlBaseUrl(emu.baseUrl),
    customerDomain: (customerCode: string) => customerDomainBase(emu.baseUrl, customerCode),
    createAccount: (accountOptions?: CreateAccountOptions): Promise<AccountInfo> => createAccount(emu, accountOptions),
    accounts: () => store.state.accounts.map((a) => ({ accountId: a.id, customerCode: a.customerCode })),
    /** The video as the API returns it, for assertions. */
    video: (uid: string) => {
      const video = store.state.videos.find((v) => v.uid === uid);
      return video ? toApiVideo(emu, video) : undefined;
    },
    live: {
      connect: (uid: string) => connect(emu, liveInput(uid)),
      disconnect: (uid: string) => disconnect(emu, liveInput(uid))?.uid ?? null,
      error: (uid: string, code: string, message = code) => errored(emu, liveInput(uid), code, message),
      setViewers: (uid: string, count: number) => {
        liveInput(uid).viewers = count;
      },
      /** Whether a WHIP broadcaster is live on the input, and how many WHEP viewers it has. */
      webrtc: (uid: string) => emu.webrtc.status(liveInput(uid).uid),
    },
    webhooks: {
      deliveries: (accountId?: string): Delivery[] => emu.dispatcher.list(accountId),
      redeliver: (deliveryId: string) => emu.dispatcher.redeliver(deliveryId),
      /** Sends the video's current state again, as a fresh delivery. */
      resend: (uid: string) => {
        const video = store.state.videos.find((v) => v.uid === uid);
        return video ? notifyVideo(emu, video) : null;
      },
      setDuplicate: (duplicate: boolean) => {
        emu.dispatcher.settings.duplicate = duplicate;
      },
    },
    /** Minutes delivered, as the GraphQL Analytics API reports them; counted whenever a media segment is served. */
    analytics: {
      /** One UTC day (`YYYY-MM-DD`, default the emulator's today) of an account: minutes per video uid, by uid. */
      minutesDelivered: (accountId: string, day?: string) => minutesDelivered(emu, knownAccount(accountId).id, day),
      /** Seeds figures: adds `minutes` for the video on the UTC day of `at` (default now, on the emulator clock). */
      recordDelivery: (accountId: string, uid: string, minutes: number, at?: Date | string) =>
        recordDelivery(emu, knownAccount(accountId).id, uid, minutes, at === undefined ? undefined : new Date(at)),
    },
    faults: {
      add: (rule: FaultRule) => faults.add(rule),
      clear: () => faults.clear(),
      setLatency: (ms: number) => {
        faults.latencyMs = ms;
      },
    },
    flush: () => store.flush(),
    async close() {
      timers.close();
      await emu.webrtc.close();
      await store.flush();
      if (!persist) rmSync(root, { recursive: true, force: true });
    },
  };
}

export type CloudflareEmulator = ReturnType<typeof createCloudflareEmulator>;
export type { AccountInfo, CreateAccountOptions } from "./accounts.ts";
export type { DeliveredMinutes } from "./analytics.ts";
export type { Delivery } from "./dispatcher.ts";
export { signWebhook } from "./dispatcher.ts";
export type { FaultRule } from "./faults.ts";
export { apiBaseUrl, customerDomainBase, uploadBaseUrl } from "./urls.ts";
