import { cn } from "@marquee/ui";
import type { ChartSeries } from "./chart-spec";

type ChartDataTableProps = {
  caption: string;
  /** What one row is: "Day", "Class", "Member". */
  head: string;
  /** One per row, in the order of each series' `values`. */
  rows: { key: string; label: string }[];
  series: ChartSeries[];
  /** Keep row labels on one line (dates). */
  nowrap?: boolean;
};

/** The numbers behind a chart, one row per day or category, for screen readers and anyone who wants them exactly. */
export function ChartDataTable({ caption, head, rows, series, nowrap = false }: ChartDataTableProps) {
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
          {rows.map((row, index) => (
            <tr key={row.key} className="border-t">
              <th scope="row" className={cn("px-3 py-1.5 text-left font-normal", nowrap && "whitespace-nowrap")}>
                {row.label}
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
