import {
  Button,
  EmptyState,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@marquee/ui";
import { Clapperboard } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { useTenant } from "../../lib/tenant-context";
import type { VideoCost } from "../../lib/types";
import { formatCount, formatMinuteFigure, formatUsdCents } from "./analytics-format";
import { rangeSearch } from "./analytics-range";
import { useAnalyticsRange } from "./use-analytics-range";

const TOP = 20;

/** Each video's share of the bill, most expensive first (the server sorts them). */
export function CostTable({ videos }: { videos: VideoCost[] }) {
  const tenant = useTenant();
  const { range } = useAnalyticsRange();
  const [showAll, setShowAll] = useState(false);

  if (videos.length === 0) {
    return (
      <EmptyState
        icon={Clapperboard}
        title="No videos to cost yet"
        description="Each video shows up here with what it costs once it is uploaded."
      />
    );
  }
  const shown = showAll ? videos : videos.slice(0, TOP);
  const hidden = videos.length - TOP;
  return (
    <div className="grid gap-2">
      <Table>
        <TableCaption className="caption-top px-4 text-left">
          {shown.length < videos.length
            ? `Cost per video, the ${TOP} most expensive of ${formatCount(videos.length)}`
            : "Cost per video, most expensive first"}
        </TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Title</TableHead>
            <TableHead className="text-right">Minutes stored</TableHead>
            <TableHead className="text-right">Minutes delivered</TableHead>
            <TableHead className="text-right">Cost</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((video) => (
            <TableRow key={video.videoId}>
              <th scope="row" className="max-w-md px-4 py-3 text-left align-middle font-normal">
                <Link
                  to={`/t/${tenant.slug}/analytics/videos/${video.videoId}${rangeSearch(range)}`}
                  className="line-clamp-2 font-medium underline-offset-4 hover:underline focus-visible:underline"
                >
                  {video.title}
                </Link>
              </th>
              <TableCell className="text-right tabular-nums">{formatMinuteFigure(video.storedMinutes)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMinuteFigure(video.deliveredMinutes)}</TableCell>
              <TableCell className="text-right font-medium tabular-nums">{formatUsdCents(video.costCents)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-muted-foreground">
          A video's storage is its length today; each row is rounded to the cent, and live classes count in the totals
          above only.
        </p>
        {hidden > 0 ? (
          <Button variant="outline" size="sm" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll ? `Show the top ${TOP}` : `Show all ${formatCount(videos.length)} videos`}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
