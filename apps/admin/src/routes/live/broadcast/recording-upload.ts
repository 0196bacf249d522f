import { createTusTransfer, type Transfer } from "../../../lib/transfer";

export type RecordingUploadState =
  | { status: "starting"; bytesSent: number; bytesTotal: number }
  | { status: "uploading"; bytesSent: number; bytesTotal: number }
  | { status: "done"; bytesSent: number; bytesTotal: number }
  | { status: "failed"; bytesSent: number; bytesTotal: number; error: string };

export type RecordingUploadDeps = {
  /** Asks the server for a TUS upload of this size on the class's Cloudflare account. */
  createUpload: (sizeBytes: number) => Promise<{ uploadUrl: string }>;
  describeError: (error: unknown) => string;
  onChange: (state: RecordingUploadState) => void;
};

// Progress events come many times a second; the screen needs a few.
const PROGRESS_EVERY_MS = 250;

/**
 * Sends a browser broadcast's recording to Cloudflare. The Blob stays in memory until it has
 * arrived, so a failed upload can be retried: resumed where it stopped, or started over with
 * a new upload when Cloudflare no longer knows the old one.
 */
export class RecordingUpload {
  private transfer: Transfer | null = null;
  private state: RecordingUploadState;
  private shownAt = 0;
  private stopped = false;

  constructor(
    private readonly recording: Blob,
    private readonly deps: RecordingUploadDeps,
  ) {
    this.state = { status: "starting", bytesSent: 0, bytesTotal: recording.size };
  }

  get current(): RecordingUploadState {
    return this.state;
  }

  start() {
    void this.begin();
  }

  retry() {
    if (this.state.status !== "failed") return;
    if (this.transfer) {
      this.set({ status: "uploading", bytesSent: this.state.bytesSent, bytesTotal: this.recording.size });
      this.transfer.start();
    } else {
      void this.begin();
    }
  }

  abort() {
    this.stopped = true;
    this.transfer?.abort();
  }

  private async begin() {
    this.set({ status: "starting", bytesSent: 0, bytesTotal: this.recording.size });
    let uploadUrl: string;
    try {
      ({ uploadUrl } = await this.deps.createUpload(this.recording.size));
    } catch (error) {
      return this.fail(this.deps.describeError(error));
    }
    if (this.stopped) return;
    this.transfer = createTusTransfer(this.recording, uploadUrl, {
      onProgress: (sent, total) => {
        const now = performance.now();
        if (now - this.shownAt < PROGRESS_EVERY_MS && sent < total) return;
        this.shownAt = now;
        this.set({ status: "uploading", bytesSent: sent, bytesTotal: total });
      },
      onSuccess: () => this.set({ status: "done", bytesSent: this.recording.size, bytesTotal: this.recording.size }),
      onError: (message, { expired }) => {
        // Retrying an expired upload means asking for a new one.
        if (expired) this.transfer = null;
        this.fail(message);
      },
    });
    this.set({ status: "uploading", bytesSent: 0, bytesTotal: this.recording.size });
    this.transfer.start();
  }

  private fail(error: string) {
    if (this.stopped) return;
    this.set({ status: "failed", bytesSent: this.state.bytesSent, bytesTotal: this.recording.size, error });
  }

  private set(state: RecordingUploadState) {
    this.state = state;
    if (!this.stopped) this.deps.onChange(state);
  }
}

export function recordingUploadPercent(state: RecordingUploadState): number {
  if (state.status === "done") return 100;
  return state.bytesTotal > 0 ? Math.floor((state.bytesSent / state.bytesTotal) * 100) : 0;
}
