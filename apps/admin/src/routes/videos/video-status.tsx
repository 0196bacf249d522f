import { Badge, type BadgeProps } from "@marquee/ui";
import type { VideoAccessLevel, VideoRow, VideoStatus } from "../../lib/types";
import { type UploadItem, uploadPercent } from "./upload/upload-item";

const DAY_MS = 86_400_000;

type StatusFields = Pick<VideoRow, "status" | "processingPercent">;

/** Still changing on Cloudflare's side. An upload abandoned long ago will not start by itself. */
export function isVideoInFlight(video: Pick<VideoRow, "status" | "createdAt">, now = Date.now()): boolean {
  if (video.status === "queued" || video.status === "inprogress") return true;
  return video.status === "pendingupload" && now - video.createdAt.getTime() < DAY_MS;
}

/**
 * Our row says "pendingupload" until Cloudflare reports back, even while this tab is sending the
 * file or once it has arrived; the tab's own upload tells which.
 */
function describeLocalUpload(upload: UploadItem): { label: string; tone: BadgeProps["tone"] } {
  if (upload.status === "done") return { label: "Processing", tone: "primary" };
  if (upload.status === "paused") return { label: `Upload paused at ${uploadPercent(upload)}%`, tone: "neutral" };
  if (upload.status === "failed") return { label: "Upload stopped", tone: "danger" };
  return { label: `Uploading ${uploadPercent(upload)}%`, tone: "primary" };
}

const TONES: Record<VideoStatus, BadgeProps["tone"]> = {
  pendingupload: "neutral",
  queued: "primary",
  inprogress: "primary",
  ready: "success",
  error: "danger",
};

export function describeVideoStatus(
  video: StatusFields,
  upload?: UploadItem,
): { label: string; tone: BadgeProps["tone"] } {
  if (video.status === "pendingupload" && upload) return describeLocalUpload(upload);
  const labels: Record<VideoStatus, string> = {
    pendingupload: "Waiting for upload",
    queued: "Queued",
    inprogress: video.processingPercent === null ? "Processing" : `Processing ${Math.round(video.processingPercent)}%`,
    ready: "Ready",
    error: "Error",
  };
  return { label: labels[video.status], tone: TONES[video.status] };
}

export function VideoStatusBadge({ video, upload }: { video: StatusFields; upload?: UploadItem | undefined }) {
  const { label, tone } = describeVideoStatus(video, upload);
  return (
    <Badge tone={tone} dot>
      {label}
    </Badge>
  );
}

export const ACCESS_LABELS: Record<VideoAccessLevel, string> = {
  public: "Public",
  members: "Members",
  tier: "Tier",
};
