import { Button, EmptyState, ErrorState, SearchInput, Select, TableSkeleton, useDebouncedValue } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { Clapperboard, SearchX } from "lucide-react";
import { useState } from "react";
import { pluralize } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import { useStatusAnnouncement } from "./use-status-announcement";
import { isVideoInFlight } from "./video-status";
import { VideosTable } from "./videos-table";

type StatusFilter = "all" | "processing" | "ready" | "error";

const STATUS_OPTIONS = [
  { value: "all", label: "All statuses" },
  { value: "processing", label: "Uploading or processing" },
  { value: "ready", label: "Ready" },
  { value: "error", label: "Error" },
] as const;

// Processing takes seconds to minutes: often enough to feel live, rarely enough to stay cheap.
const POLL_MS = 2_500;

export function VideoLibrary() {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<StatusFilter>("all");
  const query = useDebouncedValue(search.trim());
  const filters = { search: query || undefined, status: status === "all" ? undefined : status };
  const videos = trpc.videos.list.useInfiniteQuery(filters, {
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      current.state.data?.pages.some((page) => page.items.some((video) => isVideoInFlight(video))) ? POLL_MS : false,
  });
  const rows = videos.data?.pages.flatMap((page) => page.items);
  const announcement = useStatusAnnouncement(rows);
  const filtered = Boolean(query) || status !== "all";

  return (
    <section aria-labelledby="library-heading" className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id="library-heading" className="text-lg font-semibold tracking-tight">
          Library
        </h2>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <SearchInput
            aria-label="Search videos"
            placeholder="Search by title"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Select
            aria-label="Filter by status"
            value={status}
            onValueChange={setStatus}
            options={STATUS_OPTIONS}
            className="sm:w-52"
          />
        </div>
      </div>
      {videos.isPending ? (
        <TableSkeleton columns={5} label="Loading videos" />
      ) : videos.isError ? (
        <ErrorState
          message={errorMessage(videos.error)}
          onRetry={() => videos.refetch()}
          retrying={videos.isFetching}
        />
      ) : !rows?.length ? (
        filtered ? (
          <EmptyState
            icon={SearchX}
            title="No videos match"
            description="Try another title, or show all statuses."
            action={
              <Button
                variant="outline"
                size="sm"
                onClick={() => {
                  setSearch("");
                  setStatus("all");
                }}
              >
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Clapperboard}
            title="No videos yet"
            description="Drop a video above: it uploads straight to Cloudflare Stream and appears here while it processes."
          />
        )
      ) : (
        <>
          <VideosTable videos={rows} />
          <div className="flex items-center justify-between gap-3 text-sm text-muted-foreground">
            <span>{pluralize(rows.length, "video")} shown</span>
            {videos.hasNextPage ? (
              <Button
                variant="outline"
                size="sm"
                loading={videos.isFetchingNextPage}
                onClick={() => videos.fetchNextPage()}
              >
                Load more
              </Button>
            ) : null}
          </div>
        </>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
