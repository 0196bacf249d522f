import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDay } from "../analytics-format";
import { ChartTooltip, Marker } from "./chart-marks";
import { type ChartSpec, seriesStyle } from "./chart-spec";

type SeriesChartProps = ChartSpec & { title: string; description: string };

// Past a month of days, markers on every point would crowd the line; dashes still tell series apart.
const MAX_DAYS_WITH_MARKERS = 31;

const axisTick = { fill: "var(--mq-muted-foreground)", fontSize: 12 };

/** A chart of values per day; drawn by recharts, so this module is loaded on demand. */
export function SeriesChart({ kind, days, series, title, description }: SeriesChartProps) {
  const data = days.map((day, index) => {
    const point: Record<string, string | number | null> = { day };
    for (const item of series) point[item.key] = item.values[index] ?? null;
    return point;
  });
  const twoAxes = series.some((item) => item.axis === "right");
  const common = {
    data,
    title,
    desc: description,
    // One named picture for screen readers (the numbers are in "Show data"); the keyboard still moves the tooltip.
    role: "img",
    margin: { top: 12, right: twoAxes ? 4 : 12, bottom: 0, left: 4 },
  };
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="var(--mq-border)" />
      <XAxis
        dataKey="day"
        tickFormatter={(day: string) => formatDay(day)}
        tick={axisTick}
        tickLine={false}
        axisLine={{ stroke: "var(--mq-border)" }}
        minTickGap={16}
        interval="preserveStartEnd"
      />
      {series.slice(0, twoAxes ? 2 : 1).map((item, index) => (
        <YAxis
          key={item.key}
          yAxisId={item.axis ?? "left"}
          orientation={index === 0 ? "left" : "right"}
          allowDecimals={false}
          tickFormatter={(value: number) => (item.formatTick ?? item.format)(value)}
          tick={axisTick}
          tickLine={false}
          axisLine={false}
          width="auto"
          // Two axes with different units: each says which series it measures.
          label={
            twoAxes
              ? {
                  value: item.label,
                  angle: -90,
                  position: index === 0 ? "insideLeft" : "insideRight",
                  style: { ...axisTick, textAnchor: "middle" },
                }
              : undefined
          }
        />
      ))}
      <Tooltip
        content={(props) => <ChartTooltip {...props} series={series} />}
        cursor={kind === "bar" ? { fill: "var(--mq-muted)" } : { stroke: "var(--mq-input)" }}
      />
      {series.length > 1 ? <Legend iconSize={18} itemSorter={null} wrapperStyle={{ fontSize: 12 }} /> : null}
    </>
  );

  return (
    <ResponsiveContainer width="100%" height="100%">
      {kind === "bar" ? (
        <BarChart {...common}>
          {axes}
          {series.map((item, index) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.label}
              yAxisId={item.axis ?? "left"}
              fill={seriesStyle(index).color}
              radius={[3, 3, 0, 0]}
              maxBarSize={32}
            />
          ))}
        </BarChart>
      ) : (
        <LineChart {...common}>
          {axes}
          {series.map((item, index) => {
            const style = seriesStyle(index);
            const markers = days.length <= MAX_DAYS_WITH_MARKERS;
            return (
              <Line
                key={item.key}
                dataKey={item.key}
                name={item.label}
                yAxisId={item.axis ?? "left"}
                type="linear"
                stroke={style.color}
                strokeWidth={2}
                strokeDasharray={style.dash}
                legendType="plainline"
                dot={markers ? (props) => <Marker key={props.key} {...props} shape={style.marker} /> : false}
                activeDot={(props) => <Marker {...props} shape={style.marker} active />}
              />
            );
          })}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
