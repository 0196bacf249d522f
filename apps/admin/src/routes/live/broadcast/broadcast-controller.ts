import type { KeptFile } from "./kept-recordings";
import { type LocalRecording, startLocalRecording } from "./local-recorder";
import { type DeviceOption, describeMediaError, devicesOf, listDevices, openCamera, stopTracks } from "./media-devices";
import { type FinishedRecording, takeOverKeptFile } from "./recording-sink";
import { RecordingUpload, type RecordingUploadState } from "./recording-upload";
import { type ConnectionState, describeSignallingError, WhipPublisher } from "./whip-publisher";

export type BroadcastStatus = "idle" | ConnectionState;

export type BroadcastSnapshot = {
  status: BroadcastStatus;
  /** Why the last broadcast did not start, or stopped by itself. */
  error: string | null;
  /** The camera, while it is on: previewed, then broadcast and recorded. */
  camera: MediaStream | null;
  openingCamera: boolean;
  cameraError: string | null;
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string | null;
  microphoneId: string | null;
  /** The broadcast is being recorded in this page, to become the replay. */
  recording: boolean;
  /** ...and kept in the browser's storage as it goes, so leaving the page does not lose it. */
  recordingKept: boolean;
  upload: RecordingUploadState | null;
  /** The recording uploading is kept in the browser's storage until it has uploaded. */
  uploadKept: boolean;
};

export type BroadcastDeps = {
  classId: string;
  /** Tells the server the class broadcasts from the browser; the WHIP URL to publish to, if it has one. */
  prepare: () => Promise<string | null>;
  /** Media reached Cloudflare for the first time in this broadcast. */
  onConnected: () => void;
  createRecordingUpload: (sizeBytes: number) => Promise<{ uploadUrl: string }>;
  describeError: (error: unknown) => string;
};

const ON_AIR: readonly BroadcastStatus[] = ["connecting", "live", "reconnecting"];

export const isOnAir = (snapshot: BroadcastSnapshot) => ON_AIR.includes(snapshot.status);

/** Leaving the page now would cut the broadcast or lose its recording. */
export const needsPage = (snapshot: BroadcastSnapshot) =>
  isOnAir(snapshot) || ["starting", "uploading", "failed"].includes(snapshot.upload?.status ?? "");

/**
 * One class's browser broadcast: the camera, its WHIP connection to Cloudflare, the local
 * recording of it and, once it stops, the upload of that recording. A plain object with a
 * snapshot for useSyncExternalStore, so the page's buttons (Stop, End class) share it.
 */
export class BroadcastController {
  private snapshot: BroadcastSnapshot = {
    status: "idle",
    error: null,
    camera: null,
    openingCamera: false,
    cameraError: null,
    cameras: [],
    microphones: [],
    cameraId: null,
    microphoneId: null,
    recording: false,
    recordingKept: false,
    upload: null,
    uploadKept: false,
  };
  private listeners = new Set<() => void>();
  private publisher: WhipPublisher | null = null;
  private localRecording: LocalRecording | null = null;
  private uploader: RecordingUpload | null = null;
  private uploading: FinishedRecording | null = null;
  // Bumped when a start or a camera change is overtaken (stopped, left): its awaits then give up.
  private run = 0;
  private cameraRun = 0;

  constructor(private readonly deps: () => BroadcastDeps) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Turns the camera on for a preview (and fills the device lists). */
  async openCamera(): Promise<MediaStream | null> {
    if (this.snapshot.camera) return this.snapshot.camera;
    return this.reopenCamera();
  }

  selectCamera(cameraId: string) {
    this.chooseDevice({ cameraId });
  }

  selectMicrophone(microphoneId: string) {
    this.chooseDevice({ microphoneId });
  }

  async start() {
    if (isOnAir(this.snapshot)) return;
    const run = ++this.run;
    const before = this.snapshot.status;
    this.patch({ status: "connecting", error: null });
    const gaveUp = (error: string | null) => {
      if (run === this.run) this.patch({ status: before, error });
    };
    const camera = await this.openCamera();
    if (run !== this.run) return;
    if (!camera) return gaveUp(this.snapshot.cameraError);
    let whipUrl: string | null;
    try {
      whipUrl = await this.deps().prepare();
    } catch (error) {
      return gaveUp(this.deps().describeError(error));
    }
    if (run !== this.run) return;
    if (!whipUrl) return gaveUp("This class has no address for browser broadcasts. Stream with an encoder instead.");

    const recording = startLocalRecording(camera, {
      classId: this.deps().classId,
      onKept: (kept) => {
        if (this.localRecording === recording) this.patch({ recordingKept: kept });
      },
    });
    this.localRecording = recording;
    const publisher = new WhipPublisher(camera, whipUrl, {
      onState: (state) => {
        if (this.publisher === publisher) this.patch({ status: state });
      },
      onConnected: () => this.deps().onConnected(),
      onGaveUp: (message) => void this.stop(message),
    });
    this.publisher = publisher;
    this.patch({ recording: recording !== null, recordingKept: false });
    try {
      await publisher.start();
    } catch (error) {
      if (this.publisher !== publisher) return;
      this.publisher = null;
      await publisher.stop();
      this.localRecording?.discard();
      this.localRecording = null;
      this.patch({ recording: false, recordingKept: false });
      gaveUp(describeSignallingError(error));
    }
  }

  /** Ends the WHIP session, turns the camera off and uploads what was recorded. */
  async stop(error: string | null = null) {
    const publisher = this.publisher;
    const recording = this.localRecording;
    this.run++;
    this.publisher = null;
    this.localRecording = null;
    if (!publisher) {
      // Still setting up: nothing reached Cloudflare yet.
      if (this.snapshot.status === "connecting") this.patch({ status: "idle", error });
      return;
    }
    await publisher.stop();
    const finished = recording ? await recording.finish() : null;
    this.closeCamera();
    this.patch({ status: "stopped", error, recording: false, recordingKept: false });
    if (finished) this.uploadRecording(finished);
  }

  /** Uploads a recording that an earlier page kept in this browser but did not upload. */
  uploadKeptFile(kept: KeptFile) {
    this.uploadRecording(takeOverKeptFile(kept));
  }

  retryUpload() {
    this.uploader?.retry();
  }

  /** The page goes away: stop everything; only what the browser's storage holds stays, to upload later. */
  dispose() {
    this.run++;
    this.cameraRun++;
    const publisher = this.publisher;
    this.publisher = null;
    void publisher?.stop();
    this.localRecording?.abandon();
    this.localRecording = null;
    this.uploader?.abort();
    this.uploader = null;
    this.uploading?.release();
    this.uploading = null;
    this.closeCamera();
    this.patch({
      status: "idle",
      error: null,
      recording: false,
      recordingKept: false,
      upload: null,
      uploadKept: false,
      openingCamera: false,
    });
  }

  private chooseDevice(choice: { cameraId?: string; microphoneId?: string }) {
    // A running broadcast (and its recording) keeps its tracks.
    if (isOnAir(this.snapshot)) return;
    this.patch(choice);
    if (this.snapshot.camera) void this.reopenCamera();
  }

  private async reopenCamera(): Promise<MediaStream | null> {
    const run = ++this.cameraRun;
    // Some cameras cannot be opened twice: let go of the current one first.
    this.closeCamera();
    this.patch({ openingCamera: true, cameraError: null });
    try {
      const camera = await openCamera({ cameraId: this.snapshot.cameraId, microphoneId: this.snapshot.microphoneId });
      if (run !== this.cameraRun) {
        stopTracks(camera);
        return null;
      }
      const devices = await listDevices().catch(() => ({ cameras: [], microphones: [] }));
      this.patch({ camera, openingCamera: false, ...devices, ...devicesOf(camera) });
      return camera;
    } catch (error) {
      if (run === this.cameraRun) this.patch({ openingCamera: false, cameraError: describeMediaError(error) });
      return null;
    }
  }

  private closeCamera() {
    stopTracks(this.snapshot.camera);
    if (this.snapshot.camera) this.patch({ camera: null });
  }

  private uploadRecording(recording: FinishedRecording) {
    // A newer recording replaces the class's replay: the older one is no longer wanted.
    this.uploader?.abort();
    void this.uploading?.remove().catch(() => undefined);
    this.uploading = recording;
    const uploader = new RecordingUpload(recording.blob, {
      createUpload: (sizeBytes) => this.deps().createRecordingUpload(sizeBytes),
      describeError: (error) => this.deps().describeError(error),
      onChange: (upload) => {
        if (this.uploader !== uploader) return;
        this.patch({ upload });
        // On Cloudflare now: the browser's copy can go.
        if (upload.status === "done") void recording.remove().catch(() => undefined);
      },
    });
    this.uploader = uploader;
    this.patch({ upload: uploader.current, uploadKept: recording.kept });
    uploader.start();
  }

  private patch(changes: Partial<BroadcastSnapshot>) {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}
