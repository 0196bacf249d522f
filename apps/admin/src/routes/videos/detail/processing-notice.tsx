import { Alert, Progress } from "@marquee/ui";
import type { VideoDetail } from "../../../lib/types";
import { type UploadItem, uploadPercent } from "../upload/upload-item";
import { describeVideoStatus } from "../video-status";

type ProcessingNoticeProps = { video: VideoDetail; upload: UploadItem | undefined };

/** Where the video is on its way to ready; polite while it moves, urgent when it failed. */
export function ProcessingNotice({ video, upload }: ProcessingNoticeProps) {
  if (video.status === "ready") return null;
  if (video.status === "error") {
    return (
      <Alert tone="destructive" title="Cloudflare could not process this video">
        {video.errorReasonText ?? "No reason was given."} Delete it and upload the file again.
      </Alert>
    );
  }
  if (video.status === "pendingupload" && upload && upload.status !== "done") {
    const percent = uploadPercent(upload);
    return (
      <Alert tone={upload.status === "failed" ? "warning" : "info"} title={describeVideoStatus(video, upload).label}>
        <span className="grid gap-2">
          {upload.error ?? "The file is being sent from this tab: keep it open until the upload finishes."}
          <Progress value={percent} aria-label={`Upload of ${upload.fileName}`} className="max-w-sm bg-primary/15" />
        </span>
      </Alert>
    );
  }
  if (video.status === "pendingupload" && !upload) {
    return (
      <Alert tone="info" title="Waiting for the upload">
        The file has not reached Cloudflare yet. If its upload stopped, delete this video and upload the file again.
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={`${describeVideoStatus(video, upload).label} on Cloudflare`}>
      <span className="grid gap-2">
        It can be watched once processing finishes; you can edit its details meanwhile.
        <Progress
          value={video.status === "inprogress" ? video.processingPercent : null}
          aria-label="Processing"
          className="max-w-sm bg-primary/15"
        />
      </span>
    </Alert>
  );
}
