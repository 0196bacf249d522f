import { Alert, Button, Card, CardContent, CardHeader, CardTitle, Progress } from "@marquee/ui";
import { RotateCcw } from "lucide-react";
import { formatBytes } from "../../../lib/format";
import { type RecordingUploadState, recordingUploadPercent } from "./recording-upload";

type RecordingUploadCardProps = { upload: RecordingUploadState; onRetry: () => void };

function describeProgress(upload: RecordingUploadState, percent: number): string | null {
  const amount = `${formatBytes(upload.bytesSent)} of ${formatBytes(upload.bytesTotal)}`;
  switch (upload.status) {
    case "starting":
      return "Preparing the upload…";
    case "uploading":
      return `${percent}% · ${amount}. Keep this page open until the upload has finished.`;
    case "done":
      return null;
    case "failed":
      return `Stopped at ${percent}% · ${amount}`;
  }
}

/** The broadcast's own recording on its way to Cloudflare, where it becomes the replay. */
export function RecordingUploadCard({ upload, onRetry }: RecordingUploadCardProps) {
  const percent = recordingUploadPercent(upload);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recording</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Progress
          aria-label="Recording upload"
          value={upload.status === "starting" ? null : percent}
          tone={upload.status === "done" ? "success" : upload.status === "failed" ? "danger" : "primary"}
          valueText={`${percent}%, ${formatBytes(upload.bytesSent)} of ${formatBytes(upload.bytesTotal)}`}
        />
        {upload.status !== "done" ? (
          <p className="text-sm text-muted-foreground tabular-nums">{describeProgress(upload, percent)}</p>
        ) : null}
        {/* Announces the end only: every percent would drown out everything else. */}
        <p role="status" className="text-sm font-medium empty:hidden">
          {upload.status === "done"
            ? "Recording uploaded — the replay will be ready once Cloudflare has processed it."
            : ""}
        </p>
        {upload.status === "failed" ? (
          <>
            <Alert tone="destructive" title="The recording did not upload">
              {upload.error} The recording is kept in this page until it has uploaded.
            </Alert>
            <div>
              <Button variant="outline" onClick={onRetry}>
                <RotateCcw aria-hidden="true" />
                Retry upload
              </Button>
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
