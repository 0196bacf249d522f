import { Card, CardContent, CardDescription, CardHeader, CardTitle, Skeleton } from "@marquee/ui";
import { lazy, Suspense, useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import type { CategorySpec } from "./chart-spec";

// recharts is the heaviest library of the console: only the analytics pages download it.
const CategoryChart = lazy(() => import("./category-chart").then((module) => ({ default: module.CategoryChart })));

type CategoryChartCardProps = CategorySpec & {
  title: string;
  description: string;
  /** What one row is, for the data table: "Class", "Member". */
  categoryLabel: string;
};

const ROW_PX = 36;
const AXES_PX = 64;

/** A bar chart with one row per class or member, named for screen readers, its numbers under "Show data". */
export function CategoryChartCard({ title, description, categoryLabel, ...spec }: CategoryChartCardProps) {
  const titleId = useId();
  const height = Math.max(160, spec.categories.length * ROW_PX + AXES_PX);
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle id={titleId}>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <figure aria-labelledby={titleId} className="min-w-0" style={{ height }} data-chart={title}>
          <Suspense fallback={<Skeleton className="size-full" />}>
            <CategoryChart {...spec} title={title} description={description} />
          </Suspense>
        </figure>
        <details className="group text-sm">
          <summary className="w-fit cursor-pointer rounded-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-ring">
            Show data<span className="sr-only"> for {title}</span>
          </summary>
          <ChartDataTable
            caption={`${title}, per ${categoryLabel.toLowerCase()}`}
            head={categoryLabel}
            rows={spec.categories}
            series={spec.series}
          />
        </details>
      </CardContent>
    </Card>
  );
}
