import { formatDay } from "../analytics-format";
import type { ChartSpec } from "./chart-spec";

/** The numbers behind a chart, one row per day, for screen readers and anyone who wants them exactly. */
export function ChartDataTable({ caption, days, series }: ChartSpec & { caption: string }) {
  return (
    <div className="mt-3 max-h-72 overflow-y-auto rounded-md border">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-muted text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Day
            </th>
            {series.map((item) => (
              <th key={item.key} scope="col" className="px-3 py-2 text-right font-medium">
                {item.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day, index) => (
            <tr key={day} className="border-t">
              <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                {formatDay(day, "long")}
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
