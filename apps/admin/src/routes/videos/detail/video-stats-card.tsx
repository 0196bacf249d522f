import { Card, CardContent, CardDescription, CardHeader, CardTitle, ErrorState, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { trpc } from "../../../lib/trpc";
import type { VideoStats } from "../../../lib/types";

const count = new Intl.NumberFormat();
const minutes = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

const MEASURES: { label: string; format: (stats: VideoStats) => string }[] = [
  { label: "Views", format: (stats) => count.format(stats.views) },
  { label: "Unique viewers", format: (stats) => count.format(stats.uniqueViewers) },
  { label: "Minutes watched", format: (stats) => minutes.format(stats.minutesWatched) },
  { label: "Average completion", format: (stats) => percent.format(stats.averageCompletion) },
];

export function VideoStatsCard({ videoId }: { videoId: string }) {
  const stats = trpc.videos.stats.useQuery({ id: videoId });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Viewing</CardTitle>
        <CardDescription>How members watched this video.</CardDescription>
      </CardHeader>
      <CardContent>
        {stats.isPending ? (
          <div role="status" aria-label="Loading viewing statistics" className="grid gap-3">
            {MEASURES.map(({ label }) => (
              <Skeleton key={label} className="h-5" />
            ))}
          </div>
        ) : stats.isError ? (
          <ErrorState
            className="border-0 p-0 shadow-none"
            message={errorMessage(stats.error)}
            onRetry={() => stats.refetch()}
            retrying={stats.isFetching}
          />
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">Viewing in the last 7 and 30 days</caption>
            <thead>
              <tr className="border-b text-xs text-muted-foreground">
                <th scope="col" className="pb-2 text-left font-medium">
                  <span className="sr-only">Measure</span>
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  7 days
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  30 days
                </th>
              </tr>
            </thead>
            <tbody>
              {MEASURES.map(({ label, format }) => (
                <tr key={label} className="border-b last:border-0">
                  <th scope="row" className="py-2 text-left font-normal text-muted-foreground">
                    {label}
                  </th>
                  <td className="py-2 text-right font-semibold tabular-nums">{format(stats.data.last7Days)}</td>
                  <td className="py-2 text-right font-semibold tabular-nums">{format(stats.data.last30Days)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
