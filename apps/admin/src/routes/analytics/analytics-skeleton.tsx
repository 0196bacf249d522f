import { Card, Skeleton } from "@marquee/ui";
import { STAT_GRID, StatCardSkeleton } from "./stat-card";

/** Placeholder cards and charts in the shape of the page that is loading. */
export function AnalyticsSkeleton({
  label,
  cards = 8,
  charts = 4,
}: {
  label: string;
  cards?: number;
  charts?: number;
}) {
  return (
    <div role="status" aria-label={label} className="grid gap-8">
      <Skeleton className="h-4 w-48" />
      <div className={STAT_GRID}>
        {Array.from({ length: cards }, (_, index) => (
          <StatCardSkeleton key={`card-${index}`} />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: charts }, (_, index) => (
          <Card key={`chart-${index}`} className="grid gap-4 p-6">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-64" />
          </Card>
        ))}
      </div>
    </div>
  );
}
