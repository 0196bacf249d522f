import { Button, EmptyState, ErrorState, PageHeader, Skeleton } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { ArrowLeft, SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { formatBytes, formatDate, formatDuration } from "../../../lib/format";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import type { VideoDetail } from "../../../lib/types";
import { useUploadQueue } from "../upload/upload-queue-context";
import { ACCESS_LABELS, isVideoInFlight, VideoStatusBadge } from "../video-status";
import { CaptionsCard } from "./captions-card";
import { DeleteVideoCard } from "./delete-video-card";
import { PosterFrameCard } from "./poster-frame-card";
import { ProcessingNotice } from "./processing-notice";
import { VideoDetailsForm } from "./video-details-form";
import { VideoPreviewCard } from "./video-preview-card";
import { VideoStatsCard } from "./video-stats-card";

const POLL_MS = 2_500;

export function VideoDetailPage() {
  const tenant = useTenant();
  const { videoId = "" } = useParams();
  const video = trpc.videos.byId.useQuery(
    { id: videoId },
    { refetchInterval: (query) => (query.state.data && isVideoInFlight(query.state.data) ? POLL_MS : false) },
  );
  const back = (
    <Link
      to={`/t/${tenant.slug}/videos`}
      className="inline-flex items-center gap-1.5 underline-offset-4 hover:underline"
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      Videos
    </Link>
  );

  if (video.isPending) {
    return (
      <div role="status" aria-label="Loading the video" className="grid gap-6">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-9 w-2/3" />
        <Skeleton className="h-96" />
      </div>
    );
  }
  if (video.isError) {
    const missing = ["NOT_FOUND", "BAD_REQUEST"].includes(errorCode(video.error) ?? "");
    return (
      <div className="grid gap-6">
        <title>{`Videos · ${tenant.name} · Marquee Console`}</title>
        <p className="text-sm font-medium text-primary">{back}</p>
        {missing ? (
          <EmptyState
            icon={SearchX}
            title="This video does not exist"
            description="It may have been deleted, or the link belongs to another organization."
            action={
              <Button asChild variant="outline">
                <Link to={`/t/${tenant.slug}/videos`}>All videos</Link>
              </Button>
            }
          />
        ) : (
          <ErrorState message={errorMessage(video.error)} onRetry={() => video.refetch()} retrying={video.isFetching} />
        )}
      </div>
    );
  }
  return <VideoDetailView video={video.data} back={back} />;
}

function VideoDetailView({ video, back }: { video: VideoDetail; back: ReactNode }) {
  const tenant = useTenant();
  const { items } = useUploadQueue();
  const upload = items.find((item) => item.videoId === video.id);
  const facts = [
    video.durationSeconds !== null ? formatDuration(video.durationSeconds) : null,
    video.sizeBytes !== null ? formatBytes(video.sizeBytes) : null,
    `${ACCESS_LABELS[video.accessLevel]} access`,
    `Added ${formatDate(video.createdAt)}`,
  ].filter(Boolean);
  return (
    <div className="grid gap-6">
      <title>{`${video.title} · Videos · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={back}
        title={video.title}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <VideoStatusBadge video={video} upload={upload} />
            <span className="text-sm">{facts.join(" · ")}</span>
          </span>
        }
      />
      <ProcessingNotice video={video} upload={upload} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid min-w-0 content-start gap-6">
          {video.status === "ready" && video.previewUrl ? (
            <VideoPreviewCard video={video} previewUrl={video.previewUrl} />
          ) : null}
          <VideoDetailsForm video={video} />
          <PosterFrameCard video={video} />
          <CaptionsCard video={video} />
        </div>
        <div className="grid content-start gap-6">
          <VideoStatsCard videoId={video.id} />
          <DeleteVideoCard video={video} />
        </div>
      </div>
    </div>
  );
}
