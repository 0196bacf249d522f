import { Card, CardContent, CardDescription, CardHeader, CardTitle, Skeleton } from "@marquee/ui";
import { lazy, Suspense, useId } from "react";
import { formatDay } from "../analytics-format";
import { ChartDataTable } from "./chart-data-table";
import type { ChartSpec } from "./chart-spec";

// recharts is the heaviest library of the console: only the analytics pages download it.
const SeriesChart = lazy(() => import("./series-chart").then((module) => ({ default: module.SeriesChart })));

type ChartCardProps = ChartSpec & { title: string; description: string };

/** A chart of values per day, named for screen readers, with its numbers in a table under "Show data". */
export function ChartCard({ title, description, ...spec }: ChartCardProps) {
  const titleId = useId();
  const first = spec.days[0];
  const last = spec.days.at(-1);
  const period = first && last ? `from ${formatDay(first, "long")} to ${formatDay(last, "long")}` : "";
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle id={titleId}>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <figure aria-labelledby={titleId} className="h-64 min-w-0" data-chart={title}>
          <Suspense fallback={<Skeleton className="size-full" />}>
            <SeriesChart {...spec} title={title} description={`${description} Per UTC day, ${period}.`} />
          </Suspense>
        </figure>
        <details className="group text-sm">
          <summary className="w-fit cursor-pointer rounded-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-ring">
            Show data<span className="sr-only"> for {title}</span>
          </summary>
          <ChartDataTable
            caption={`${title}, per UTC day`}
            head="Day"
            rows={spec.days.map((day) => ({ key: day, label: formatDay(day, "long") }))}
            series={spec.series}
            nowrap
          />
        </details>
      </CardContent>
    </Card>
  );
}
