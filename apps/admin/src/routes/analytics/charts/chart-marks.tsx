import type { ReactNode } from "react";
import type { TooltipContentProps } from "recharts";
import { formatDay } from "../analytics-format";
import { type ChartSeries, seriesStyle } from "./chart-spec";

type MarkerProps = {
  cx?: number | undefined;
  cy?: number | undefined;
  stroke?: string | undefined;
  shape: "circle" | "square";
  active?: boolean;
};

/** A point of a line: a circle or a square, so series differ in shape as well as colour and dash. */
export function Marker({ cx, cy, stroke, shape, active = false }: MarkerProps): ReactNode {
  if (cx === undefined || cy === undefined || Number.isNaN(cx) || Number.isNaN(cy)) return null;
  const size = active ? 5 : 3.5;
  const paint = { stroke, strokeWidth: 2, fill: active ? stroke : "var(--mq-surface)" };
  return shape === "square" ? (
    <rect x={cx - size} y={cy - size} width={size * 2} height={size * 2} {...paint} />
  ) : (
    <circle cx={cx} cy={cy} r={size} {...paint} />
  );
}

type ChartTooltipProps = TooltipContentProps & {
  series: ChartSeries[];
  /** How the point is named: a day unless told (a class, a member). */
  formatLabel?: (label: string) => string;
};

/** The day (or whatever the point is) and each series' value, with the series' stroke beside its name. */
export function ChartTooltip({
  active,
  payload,
  label,
  series,
  formatLabel = (day) => formatDay(day, "long"),
}: ChartTooltipProps) {
  if (!active || payload.length === 0 || typeof label !== "string") return null;
  return (
    <div className="grid gap-1 rounded-md border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="font-medium">{formatLabel(label)}</p>
      {series.map((item, index) => {
        const value = payload.find((entry) => entry.dataKey === item.key)?.value;
        return (
          <p key={item.key} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-0 w-4 border-t-2"
              style={{
                borderColor: seriesStyle(index).color,
                borderStyle: seriesStyle(index).dash ? "dashed" : "solid",
              }}
            />
            <span className="text-muted-foreground">{item.label}</span>
            <span className="ml-auto pl-3 font-semibold tabular-nums">
              {typeof value === "number" ? item.format(value) : "—"}
            </span>
          </p>
        );
      })}
    </div>
  );
}
