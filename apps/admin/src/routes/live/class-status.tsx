import { Badge, type BadgeProps } from "@marquee/ui";
import type { LiveClassRow, LiveClassStatus } from "../../lib/types";

const STATUS: Record<Exclude<LiveClassStatus, "live">, { label: string; tone: BadgeProps["tone"] }> = {
  scheduled: { label: "Scheduled", tone: "primary" },
  ended: { label: "Ended", tone: "neutral" },
  cancelled: { label: "Cancelled", tone: "warning" },
};

export function ClassStatusBadge({ status }: { status: LiveClassStatus }) {
  if (status === "live") {
    return (
      <Badge tone="danger">
        <span aria-hidden="true" className="relative flex size-1.5">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-current opacity-75" />
          <span className="relative inline-flex size-1.5 rounded-full bg-current" />
        </span>
        Live
      </Badge>
    );
  }
  const { label, tone } = STATUS[status];
  return (
    <Badge tone={tone} dot>
      {label}
    </Badge>
  );
}

/** What became of a past class's recording; null when it never had one. */
export function describeRecording(
  liveClass: Pick<LiveClassRow, "status" | "recordingStatus" | "catalogVideoId">,
): { label: string; tone: BadgeProps["tone"] } | null {
  if (liveClass.catalogVideoId) return { label: "In catalog", tone: "success" };
  switch (liveClass.recordingStatus) {
    case "processing":
      return { label: "Processing", tone: "primary" };
    case "ready":
      return { label: "Ready", tone: "success" };
    case "failed":
      return { label: "Failed", tone: "danger" };
    case "deleted":
      return { label: "Deleted", tone: "neutral" };
    case "none":
      return null;
  }
}

export function RecordingStatusBadge({ liveClass }: { liveClass: Parameters<typeof describeRecording>[0] }) {
  const recording = describeRecording(liveClass);
  if (!recording) return <span className="text-muted-foreground">None</span>;
  return (
    <Badge tone={recording.tone} dot>
      {recording.label}
    </Badge>
  );
}
