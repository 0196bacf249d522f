export type UploadStatus = "waiting" | "starting" | "uploading" | "paused" | "canceling" | "done" | "failed";

export type UploadItem = {
  key: string;
  fileName: string;
  bytesTotal: number;
  bytesUploaded: number;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
  status: UploadStatus;
  error: string | null;
  videoId: string | null;
  resumable: boolean;
};

export type NewUploadAccess = "public" | "members";

export type UploadQueueDeps = {
  createUpload: (input: {
    title: string;
    fileName: string;
    sizeBytes: number;
    mimeType: string;
    accessLevel: NewUploadAccess;
    preferResumable: true;
    durationSeconds?: number;
  }) => Promise<{ videoId: string; uploadUrl: string; kind: "direct" | "tus" }>;
  removeVideo: (videoId: string) => Promise<unknown>;
  /** A row appeared, finished uploading or went away: the list should look again. */
  onVideosChanged: () => void;
  describeError: (error: unknown) => string;
  announce: (message: string) => void;
};

const ACTIVE: readonly UploadStatus[] = ["waiting", "starting", "uploading", "paused", "canceling"];

/** Still needs this page open: leaving would lose it. */
export const isUploadActive = (item: UploadItem) => ACTIVE.includes(item.status);

export function uploadPercent(item: UploadItem): number {
  if (item.status === "done") return 100;
  return item.bytesTotal > 0 ? Math.floor((item.bytesUploaded / item.bytesTotal) * 100) : 0;
}
