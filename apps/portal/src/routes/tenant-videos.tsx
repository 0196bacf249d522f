import { Alert, Button, EmptyState, ErrorState, PageHeader } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { SearchX, Video } from "lucide-react";
import { useCallback, useRef } from "react";
import { useSearchParams } from "react-router";
import { trpc } from "../lib/trpc";
import { useAutoLoad } from "../lib/use-auto-load";
import { useTenantContext } from "./tenant-layout";
import { VideoCard, VideoCardSkeleton } from "./tenant-video-card";
import { VideoSearchField, VideoTagFilter } from "./tenant-video-filters";

const gridClasses = "grid gap-x-5 gap-y-8 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4";

export function TenantVideosPage() {
  const { tenant } = useTenantContext();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const tag = params.get("tag") ?? "";

  const setParam = useCallback(
    (name: "q" | "tag", value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        // Typing a search replaces the entry; picking a tag is a step the back button undoes.
        { replace: name === "q" },
      ),
    [setParams],
  );
  const setSearch = useCallback((value: string) => setParam("q", value), [setParam]);

  const tags = trpc.videos.tags.useQuery(undefined, { staleTime: 60_000 });
  const videos = trpc.videos.list.useInfiniteQuery(
    { search: search || undefined, tag: tag || undefined },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  const items = videos.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-10">
      <title>{`Videos · ${tenant.name}`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Videos"
        actions={<VideoSearchField value={search} onSearch={setSearch} />}
      />
      <VideoTagFilter tags={tags.data ?? []} active={tag} onChange={(value) => setParam("tag", value)} />
      <p role="status" className="sr-only">
        {videos.isSuccess && !videos.isPlaceholderData ? resultsSummary(items.length, videos.hasNextPage) : ""}
      </p>
      {videos.isPending ? (
        <ul aria-label="Loading videos" className={gridClasses}>
          {Array.from({ length: 8 }, (_, index) => (
            <VideoCardSkeleton key={index} />
          ))}
        </ul>
      ) : videos.isError && !videos.data ? (
        <ErrorState
          message={errorMessage(videos.error)}
          onRetry={() => videos.refetch()}
          retrying={videos.isFetching}
        />
      ) : items.length === 0 ? (
        <NoVideos search={search} tag={tag} onClear={() => setParams({}, { replace: true })} />
      ) : (
        <>
          <ul
            aria-busy={videos.isPlaceholderData}
            className={`${gridClasses} transition-opacity ${videos.isPlaceholderData ? "opacity-60" : ""}`}
          >
            {items.map((video) => (
              <VideoCard key={video.id} video={video} href={`/${tenant.slug}/videos/${video.id}`} />
            ))}
          </ul>
          <LoadMore
            hasMore={videos.hasNextPage && !videos.isPlaceholderData}
            loading={videos.isFetchingNextPage}
            failed={videos.isFetchNextPageError ? errorMessage(videos.error) : null}
            onLoad={videos.fetchNextPage}
          />
        </>
      )}
    </div>
  );
}

function resultsSummary(count: number, more: boolean): string {
  const noun = count === 1 ? "video" : "videos";
  return more ? `Showing the first ${count} ${noun}` : `${count} ${noun}`;
}

function NoVideos({ search, tag, onClear }: { search: string; tag: string; onClear: () => void }) {
  if (!search && !tag) {
    return <EmptyState icon={Video} title="No videos yet" description="Videos appear here once they are published." />;
  }
  const what = [search && `“${search}”`, tag && `the tag “${tag}”`].filter(Boolean).join(" and ");
  return (
    <EmptyState
      icon={SearchX}
      title={`No videos match ${what}`}
      description="Try other words, or another tag."
      action={
        <Button variant="outline" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      }
    />
  );
}

type LoadMoreProps = { hasMore: boolean; loading: boolean; failed: string | null; onLoad: () => unknown };

function LoadMore({ hasMore, loading, failed, onLoad }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const load = useCallback(() => void onLoad(), [onLoad]);
  useAutoLoad(sentinel, hasMore && !loading && !failed, load);
  if (!hasMore) return null;
  return (
    <div ref={sentinel} className="grid justify-items-center gap-3">
      {failed ? <Alert tone="destructive">{failed}</Alert> : null}
      <Button variant="outline" loading={loading} onClick={load}>
        {failed ? "Try again" : "Load more videos"}
      </Button>
    </div>
  );
}
