import { Card, CardContent, CardDescription, CardHeader, CardTitle, Skeleton } from "@marquee/ui";
import { lazy, Suspense, useId } from "react";
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
          <CategoryDataTable caption={`${title}, per ${categoryLabel.toLowerCase()}`} head={categoryLabel} {...spec} />
        </details>
      </CardContent>
    </Card>
  );
}

function CategoryDataTable({ caption, head, categories, series }: CategorySpec & { caption: string; head: string }) {
  return (
    <div className="mt-3 max-h-72 overflow-y-auto rounded-md border">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-muted text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {head}
            </th>
            {series.map((item) => (
              <th key={item.key} scope="col" className="px-3 py-2 text-right font-medium">
                {item.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, index) => (
            <tr key={category.key} className="border-t">
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                {category.label}
              </th>
              {series.map((item) => {
                const value = item.values[index];
                return (
                  <td key={item.key} className="px-3 py-1.5 text-right tabular-nums">
                    {typeof value === "number" ? item.format(value) : "—"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
