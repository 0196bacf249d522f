import { Button, Progress } from "@marquee/ui";
import { ArrowRight, Pause, Play, RotateCcw, X } from "lucide-react";
import { Link } from "react-router";
import { formatBytes } from "../../../lib/format";
import { useTenant } from "../../../lib/tenant-context";
import { type UploadItem, type UploadStatus, uploadPercent } from "./upload-item";
import type { UploadQueue } from "./upload-queue";

const BAR_TONES: Partial<Record<UploadStatus, "success" | "danger" | "muted">> = {
  done: "success",
  failed: "danger",
  paused: "muted",
  canceling: "muted",
};

function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min left`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

function describe(item: UploadItem, percent: number): string {
  const amount = `${formatBytes(item.bytesUploaded)} of ${formatBytes(item.bytesTotal)}`;
  switch (item.status) {
    case "waiting":
      return `Waiting for another upload to finish · ${formatBytes(item.bytesTotal)}`;
    case "starting":
      return "Preparing the upload…";
    case "uploading": {
      const rate = item.bytesPerSecond ? [`${formatBytes(item.bytesPerSecond)}/s`] : [];
      const left = item.secondsLeft !== null && item.bytesPerSecond ? [formatTimeLeft(item.secondsLeft)] : [];
      return [amount, `${percent}%`, ...rate, ...left].join(" · ");
    }
    case "paused":
      return `Paused at ${percent}% · ${amount}`;
    case "canceling":
      return "Canceling…";
    case "done":
      return `Uploaded ${formatBytes(item.bytesTotal)} to Cloudflare`;
    case "failed":
      return `Stopped at ${percent}% · ${amount}`;
  }
}

export function UploadRow({ item, queue }: { item: UploadItem; queue: UploadQueue }) {
  const tenant = useTenant();
  const percent = uploadPercent(item);
  const name = item.fileName;
  const canResume = item.resumable && item.videoId !== null;
  return (
    <li className="grid gap-2 px-4 py-3 sm:px-5">
      <div className="flex items-start justify-between gap-3">
        <div className="grid min-w-0 gap-0.5">
          <p className="truncate text-sm font-medium">{name}</p>
          <p className="text-xs text-muted-foreground tabular-nums">{describe(item, percent)}</p>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          {item.status === "uploading" && item.resumable ? (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Pause upload of ${name}`}
              onClick={() => queue.pause(item.key)}
            >
              <Pause aria-hidden="true" />
            </Button>
          ) : null}
          {item.status === "paused" || (item.status === "failed" && canResume) ? (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Resume upload of ${name}`}
              onClick={() => queue.resume(item.key)}
            >
              <Play aria-hidden="true" />
            </Button>
          ) : null}
          {item.status === "failed" && !canResume ? (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Retry upload of ${name}`}
              onClick={() => queue.retry(item.key)}
            >
              <RotateCcw aria-hidden="true" />
            </Button>
          ) : null}
          {item.status === "done" && item.videoId ? (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link to={`/t/${tenant.slug}/videos/${item.videoId}`} aria-label={`Open ${name}`}>
                  Open
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={`Dismiss ${name}`}
                onClick={() => queue.dismiss(item.key)}
              >
                <X aria-hidden="true" />
              </Button>
            </>
          ) : item.status !== "canceling" ? (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Cancel upload of ${name}`}
              onClick={() => void queue.cancel(item.key)}
              className="text-muted-foreground hover:text-destructive-soft-foreground"
            >
              <X aria-hidden="true" />
            </Button>
          ) : null}
        </div>
      </div>
      <Progress
        value={item.status === "starting" ? null : percent}
        tone={BAR_TONES[item.status] ?? "primary"}
        aria-label={`Upload of ${name}`}
        valueText={`${percent}%, ${formatBytes(item.bytesUploaded)} of ${formatBytes(item.bytesTotal)}`}
      />
      {item.error ? <p className="text-xs font-medium text-destructive-soft-foreground">{item.error}</p> : null}
    </li>
  );
}
