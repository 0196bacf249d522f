import { createDirectTransfer, createTusTransfer, type Transfer } from "../../../lib/transfer";
import { createRateMeter } from "./transfer-rate";
import type { NewUploadAccess, UploadItem, UploadQueueDeps } from "./upload-item";
import { titleFromFileName, videoMimeType } from "./video-file";

type Entry = {
  item: UploadItem;
  file: File;
  access: NewUploadAccess;
  transfer: Transfer | null;
  meter: ReturnType<typeof createRateMeter>;
  /** The latest byte count reported, which the screen may not show yet. */
  sent: number;
  shownAt: number;
};

const MAX_PARALLEL = 3;
// Progress events come many times a second; the screen needs a few.
const PROGRESS_EVERY_MS = 200;
// Browsers go quiet while they read the next chunk or the network stalls: speed and time left must follow.
const STALL_CHECK_MS = 1_000;
/** The uploads of one console tab: at most three at a time, each paused, resumed or canceled on its own. */
export class UploadQueue {
  private entries = new Map<string, Entry>();
  private snapshot: UploadItem[] = [];
  private listeners = new Set<() => void>();
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: UploadQueueDeps) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  add(files: File[], access: NewUploadAccess) {
    for (const file of files) {
      const key = crypto.randomUUID();
      const item: UploadItem = {
        key,
        fileName: file.name,
        bytesTotal: file.size,
        bytesUploaded: 0,
        bytesPerSecond: null,
        secondsLeft: null,
        status: "waiting",
        error: null,
        videoId: null,
        resumable: true,
      };
      this.entries.set(key, { item, file, access, transfer: null, meter: createRateMeter(), sent: 0, shownAt: 0 });
    }
    this.emit();
    this.pump();
  }

  pause(key: string) {
    const entry = this.entries.get(key);
    if (entry?.item.status !== "uploading" || !entry.transfer?.resumable) return;
    entry.transfer.pause();
    this.update(entry, { status: "paused", bytesPerSecond: null, secondsLeft: null });
    this.pump();
  }

  resume(key: string) {
    const entry = this.entries.get(key);
    if (!entry?.transfer?.resumable || !["paused", "failed"].includes(entry.item.status)) return;
    entry.meter.reset();
    this.update(entry, { status: "uploading", error: null });
    entry.transfer.start();
  }

  /** Starts over with a new upload URL: for direct uploads, and when the server was never reached. */
  retry(key: string) {
    const entry = this.entries.get(key);
    if (entry?.item.status !== "failed") return;
    if (entry.item.videoId) void this.deps.removeVideo(entry.item.videoId).catch(() => undefined);
    entry.transfer = null;
    entry.meter.reset();
    this.update(entry, { status: "waiting", error: null, videoId: null, bytesUploaded: 0 });
    this.pump();
  }

  async cancel(key: string) {
    const entry = this.entries.get(key);
    if (!entry || entry.item.status === "done" || entry.item.status === "canceling") return;
    const { status, videoId } = entry.item;
    this.update(entry, { status: "canceling", bytesPerSecond: null, secondsLeft: null });
    // Still asking the server for a URL: begin() deletes the video once it knows its id.
    if (status === "starting") return;
    entry.transfer?.abort();
    if (videoId) {
      try {
        await this.deps.removeVideo(videoId);
      } catch (error) {
        const reason = this.deps.describeError(error);
        this.update(entry, { status: "failed", error: `The upload stopped, but the video was not deleted: ${reason}` });
        return;
      }
    }
    this.drop(entry, `Upload of ${entry.item.fileName} canceled`);
  }

  /** Cancels everything not finished yet, deleting what was created on the server. */
  async cancelAll() {
    await Promise.all([...this.entries.keys()].map((key) => this.cancel(key)));
  }

  /** The video was deleted elsewhere on the page: stop sending it and forget the upload. */
  forgetVideo(videoId: string) {
    for (const entry of this.entries.values()) {
      if (entry.item.videoId !== videoId) continue;
      entry.transfer?.abort();
      this.drop(entry, null);
    }
  }

  dismiss(key: string) {
    const entry = this.entries.get(key);
    if (entry?.item.status === "done") this.drop(entry, null);
  }

  clearFinished() {
    for (const entry of this.entries.values()) if (entry.item.status === "done") this.entries.delete(entry.item.key);
    this.emit();
  }

  /** Stops every transfer without deleting anything, e.g. when the page goes away. */
  stopAll() {
    for (const entry of this.entries.values()) entry.transfer?.abort();
    this.stopTicker();
  }

  private async begin(entry: Entry) {
    const { file } = entry;
    this.update(entry, { status: "starting" });
    let created: Awaited<ReturnType<UploadQueueDeps["createUpload"]>>;
    try {
      created = await this.deps.createUpload({
        title: titleFromFileName(file.name),
        fileName: file.name,
        sizeBytes: file.size,
        mimeType: videoMimeType(file),
        accessLevel: entry.access,
        preferResumable: true,
        durationSeconds: await readVideoDuration(file),
      });
    } catch (error) {
      if (entry.item.status === "canceling") return this.drop(entry, `Upload of ${file.name} canceled`);
      return this.fail(entry, this.deps.describeError(error));
    }
    if (entry.item.status === "canceling") {
      await this.deps.removeVideo(created.videoId).catch(() => undefined);
      return this.drop(entry, `Upload of ${file.name} canceled`);
    }
    this.deps.onVideosChanged();
    const create = created.kind === "tus" ? createTusTransfer : createDirectTransfer;
    entry.transfer = create(file, created.uploadUrl, {
      onProgress: (sent, total) => this.progress(entry, sent, total),
      onSuccess: () => {
        this.update(entry, {
          status: "done",
          bytesUploaded: entry.item.bytesTotal,
          bytesPerSecond: null,
          secondsLeft: 0,
        });
        this.deps.announce(`${file.name} uploaded. Cloudflare is processing it.`);
        this.deps.onVideosChanged();
        this.pump();
      },
      onError: (message) => this.fail(entry, message),
    });
    this.update(entry, { status: "uploading", videoId: created.videoId, resumable: entry.transfer.resumable });
    this.startTicker();
    entry.transfer.start();
  }

  private progress(entry: Entry, sent: number, total: number, at = performance.now()) {
    entry.sent = sent;
    const rate = entry.meter.measure(sent, total, at);
    if (entry.item.status !== "uploading" || (at - entry.shownAt < PROGRESS_EVERY_MS && sent < total)) return;
    entry.shownAt = at;
    this.update(entry, { bytesUploaded: sent, bytesTotal: total, ...rate });
  }

  private startTicker() {
    this.ticker ??= setInterval(() => {
      const now = performance.now();
      const uploading = [...this.entries.values()].filter((entry) => entry.item.status === "uploading");
      if (uploading.length === 0) return this.stopTicker();
      for (const entry of uploading) {
        if (now - entry.shownAt >= STALL_CHECK_MS) this.progress(entry, entry.sent, entry.item.bytesTotal, now);
      }
    }, STALL_CHECK_MS);
  }

  private stopTicker() {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private fail(entry: Entry, message: string) {
    this.update(entry, { status: "failed", error: message, bytesPerSecond: null, secondsLeft: null });
    this.deps.announce(`Upload of ${entry.item.fileName} stopped: ${message}`);
    this.pump();
  }

  private drop(entry: Entry, announcement: string | null) {
    this.entries.delete(entry.item.key);
    this.emit();
    if (announcement) this.deps.announce(announcement);
    this.deps.onVideosChanged();
    this.pump();
  }

  private pump() {
    const entries = [...this.entries.values()];
    let running = entries.filter((entry) => ["starting", "uploading"].includes(entry.item.status)).length;
    for (const entry of entries) {
      if (running >= MAX_PARALLEL) break;
      if (entry.item.status !== "waiting") continue;
      running++;
      void this.begin(entry);
    }
  }

  private update(entry: Entry, patch: Partial<UploadItem>) {
    entry.item = { ...entry.item, ...patch };
    if (this.entries.has(entry.item.key)) this.emit();
  }

  private emit() {
    this.snapshot = [...this.entries.values()].map((entry) => entry.item);
    for (const listener of this.listeners) listener();
  }
}

/**
 * The file's length from its metadata, when the browser can read it (undefined otherwise):
 * lets the server reserve only that much of the account's Cloudflare storage.
 */
function readVideoDuration(file: File): Promise<number | undefined> {
  if (typeof document === "undefined") return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const video = document.createElement("video");
    const url = URL.createObjectURL(file);
    const done = (value: number | undefined) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      video.removeAttribute("src");
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), 3000);
    video.preload = "metadata";
    video.onloadedmetadata = () =>
      done(Number.isFinite(video.duration) && video.duration > 0 ? video.duration : undefined);
    video.onerror = () => done(undefined);
    video.src = url;
  });
}
