import { Button, ErrorState, Skeleton, VideoPlayer } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { ArrowLeft, RotateCcw } from "lucide-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { formatDuration } from "../lib/format";
import { trpc } from "../lib/trpc";
import type { PlaybackAllowed, PublicTenant } from "../lib/types";
import { useWatchHeartbeats } from "../lib/use-watch-heartbeats";
import { NotFoundPage } from "./not-found";
import { useTenantContext } from "./tenant-layout";
import { LockedVideo } from "./tenant-video-locked";

export function TenantVideoWatchPage() {
  const { tenant, me } = useTenantContext();
  const { videoId = "" } = useParams();
  const playback = trpc.playback.get.useQuery(
    { videoId },
    // Each fetch signs new URLs, and a new URL restarts the player: fetch once per visit.
    { staleTime: Number.POSITIVE_INFINITY, gcTime: 0, refetchOnWindowFocus: false },
  );
  const videosHref = `/${tenant.slug}/videos`;

  if (playback.isPending) return <WatchSkeleton />;
  if (playback.isError) {
    const code = errorCode(playback.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return (
        <NotFoundPage
          title="Video not found"
          message="This video does not exist, or it is not ready to watch yet."
          back={{ to: videosHref, label: "Browse videos" }}
        />
      );
    }
    return (
      <div className="mx-auto max-w-lg px-4 py-20">
        <ErrorState
          message={errorMessage(playback.error)}
          onRetry={() => playback.refetch()}
          retrying={playback.isFetching}
        />
      </div>
    );
  }

  const data = playback.data;
  return (
    <div className="mx-auto grid max-w-5xl gap-5 px-4 py-6 sm:px-6 sm:py-8">
      <title>{`${data.video.title} · ${tenant.name}`}</title>
      <Button asChild variant="link" className="h-auto w-fit px-0 text-muted-foreground hover:text-foreground">
        <Link to={videosHref}>
          <ArrowLeft aria-hidden="true" />
          All videos
        </Link>
      </Button>
      {data.allowed ? (
        <WatchVideo
          playback={data}
          tenant={tenant}
          // Heartbeats are for members; anyone else watching a public video is not recorded.
          member={me !== null && tenant.viewerRole !== null}
          // Signed URLs expire: after a failure past their lifetime, ask for fresh ones.
          onRetry={() => {
            if (data.expiresAt && data.expiresAt <= new Date()) void playback.refetch();
          }}
        />
      ) : (
        <LockedVideo denied={data} tenant={tenant} />
      )}
    </div>
  );
}

type WatchVideoProps = { playback: PlaybackAllowed; tenant: PublicTenant; member: boolean; onRetry: () => void };

function WatchVideo({ playback, tenant, member, onRetry }: WatchVideoProps) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useWatchHeartbeats(video, { tenantSlug: tenant.slug, videoId: playback.video.id, enabled: member });
  const { title, description, durationSeconds } = playback.video;

  return (
    <>
      <VideoPlayer
        ref={setVideo}
        src={playback.hls}
        title={title}
        poster={playback.thumbnail}
        startAt={playback.resumeAt}
        autoPlay
        onRetry={onRetry}
      />
      <div className="grid gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{title}</h1>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
          {durationSeconds !== null ? <span>{formatDuration(durationSeconds)}</span> : null}
          {playback.resumeAt > 0 ? (
            <>
              <span>Picked up where you left off, at {formatDuration(playback.resumeAt)}</span>
              <Button
                variant="link"
                className="h-auto px-0"
                onClick={() => {
                  if (video) video.currentTime = 0;
                }}
              >
                <RotateCcw aria-hidden="true" />
                Start over
              </Button>
            </>
          ) : null}
        </div>
        {description ? <p className="max-w-3xl whitespace-pre-line text-pretty">{description}</p> : null}
      </div>
    </>
  );
}

function WatchSkeleton() {
  return (
    <div role="status" aria-label="Loading video" className="mx-auto grid max-w-5xl gap-5 px-4 py-6 sm:px-6 sm:py-8">
      <Skeleton className="h-5 w-24" />
      <Skeleton className="aspect-video rounded-xl" />
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-4 w-1/2" />
    </div>
  );
}
