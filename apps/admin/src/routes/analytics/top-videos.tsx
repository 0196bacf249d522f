import {
  Button,
  EmptyState,
  ErrorState,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  TableSkeleton,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { ArrowDown, Clapperboard, Download } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { TopVideo, TopVideoSort } from "../../lib/types";
import { formatCount, formatPercent } from "./analytics-format";
import { type Period, rangeSearch } from "./analytics-range";
import { downloadText, topVideosCsv, topVideosFileName } from "./top-videos-csv";
import { useAnalyticsRange } from "./use-analytics-range";

const LIMIT = 50;

const COLUMNS: { sort: TopVideoSort; label: string }[] = [
  { sort: "views", label: "Views" },
  { sort: "minutes", label: "Minutes watched" },
  { sort: "completion", label: "Average completion" },
];

/** The period's most watched videos, sorted on the server, with the rows shown as a CSV. */
export function TopVideos({ period }: { period: Period }) {
  const [sort, setSort] = useState<TopVideoSort>("views");
  const videos = trpc.analytics.topVideos.useQuery(
    { ...period, sort, limit: LIMIT },
    { placeholderData: keepPreviousData },
  );

  return (
    <section aria-labelledby="top-videos-heading" className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 id="top-videos-heading" className="text-lg font-semibold tracking-tight">
            Top videos
          </h2>
          <p className="text-sm text-muted-foreground">The {LIMIT} most watched videos of the period.</p>
        </div>
        <Button
          variant="outline"
          size="sm"
          disabled={!videos.data || videos.data.length === 0 || videos.isPlaceholderData}
          onClick={() => videos.data && downloadText(topVideosCsv(videos.data), topVideosFileName(period))}
        >
          <Download aria-hidden="true" />
          Download CSV
        </Button>
      </div>
      {videos.isPending ? (
        <TableSkeleton columns={4} label="Loading top videos" />
      ) : videos.isError ? (
        <ErrorState
          message={errorMessage(videos.error)}
          onRetry={() => videos.refetch()}
          retrying={videos.isFetching}
        />
      ) : videos.data.length === 0 ? (
        <EmptyState
          icon={Clapperboard}
          title="No videos watched in this period"
          description="Videos show up here once members watch them."
        />
      ) : (
        <TopVideosTable videos={videos.data} sort={sort} onSort={setSort} busy={videos.isPlaceholderData} />
      )}
    </section>
  );
}

type TopVideosTableProps = {
  videos: TopVideo[];
  sort: TopVideoSort;
  onSort: (sort: TopVideoSort) => void;
  busy: boolean;
};

function TopVideosTable({ videos, sort, onSort, busy }: TopVideosTableProps) {
  const tenant = useTenant();
  const { range } = useAnalyticsRange();
  return (
    <Table aria-label="Top videos" aria-busy={busy} className={busy ? "opacity-60" : undefined}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Title</TableHead>
          {COLUMNS.map((column) => (
            <TableHead
              key={column.sort}
              aria-sort={column.sort === sort ? "descending" : undefined}
              className="text-right"
            >
              <button
                type="button"
                onClick={() => onSort(column.sort)}
                className="inline-flex cursor-pointer items-center gap-1 rounded-sm uppercase hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
              >
                {column.label}
                <ArrowDown aria-hidden="true" className={column.sort === sort ? "size-3.5" : "size-3.5 opacity-0"} />
                <span className="sr-only">{column.sort === sort ? ", sorted most first" : ", sort most first"}</span>
              </button>
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {videos.map((video) => (
          <TableRow key={video.videoId}>
            <TableCell className="max-w-md">
              <Link
                to={`/t/${tenant.slug}/analytics/videos/${video.videoId}${rangeSearch(range)}`}
                className="line-clamp-2 font-medium underline-offset-4 hover:underline focus-visible:underline"
              >
                {video.title}
              </Link>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(video.views)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(video.minutesWatched)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatPercent(video.averageCompletion)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
