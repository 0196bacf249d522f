import { Badge, Button, TableCell, TableRow } from "@marquee/ui";
import { Trash2 } from "lucide-react";
import { Link } from "react-router";
import { formatBytes, formatDate, formatDuration } from "../../lib/format";
import { useTenant } from "../../lib/tenant-context";
import type { VideoRow } from "../../lib/types";
import type { UploadItem } from "./upload/upload-item";
import { ACCESS_LABELS, VideoStatusBadge } from "./video-status";
import { VideoThumbnail } from "./video-thumbnail";

type VideoTableRowProps = { video: VideoRow; upload: UploadItem | undefined; onDelete: () => void };

export function VideoTableRow({ video, upload, onDelete }: VideoTableRowProps) {
  const tenant = useTenant();
  return (
    <TableRow>
      <TableCell>
        <div className="flex min-w-0 items-center gap-3">
          <VideoThumbnail videoId={video.id} url={video.thumbnailUrl} className="hidden sm:flex" />
          <div className="grid min-w-0 gap-0.5">
            <Link
              to={`/t/${tenant.slug}/videos/${video.id}`}
              className="truncate font-medium underline-offset-4 hover:underline focus-visible:underline"
            >
              {video.title}
            </Link>
            <span className="text-xs text-muted-foreground">
              {formatDate(video.createdAt)}
              {video.durationSeconds !== null ? (
                <span className="md:hidden"> · {formatDuration(video.durationSeconds)}</span>
              ) : null}
            </span>
          </div>
        </div>
      </TableCell>
      <TableCell>
        <div className="grid gap-1">
          <VideoStatusBadge video={video} upload={upload} />
          {video.status === "error" && video.errorReasonText ? (
            <span className="max-w-56 text-xs text-destructive-soft-foreground">{video.errorReasonText}</span>
          ) : null}
        </div>
      </TableCell>
      <TableCell className="hidden whitespace-nowrap text-muted-foreground tabular-nums md:table-cell">
        {video.durationSeconds !== null ? formatDuration(video.durationSeconds) : "—"}
      </TableCell>
      <TableCell className="hidden whitespace-nowrap text-muted-foreground tabular-nums lg:table-cell">
        {video.sizeBytes !== null ? formatBytes(video.sizeBytes) : "—"}
      </TableCell>
      <TableCell className="hidden sm:table-cell">
        <Badge>{ACCESS_LABELS[video.accessLevel]}</Badge>
      </TableCell>
      <TableCell className="text-right">
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Delete ${video.title}`}
          onClick={onDelete}
          className="text-muted-foreground hover:text-destructive-soft-foreground"
        >
          <Trash2 aria-hidden="true" />
        </Button>
      </TableCell>
    </TableRow>
  );
}
