import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-marks";
import { type CategorySpec, seriesStyle } from "./chart-spec";

type CategoryChartProps = CategorySpec & { title: string; description: string };

const axisTick = { fill: "var(--mq-muted-foreground)", fontSize: 12 };
/** Longer names are cut on the axis; the tooltip and "Show data" give them whole. */
const MAX_TICK_CHARACTERS = 24;

function shorten(label: string): string {
  return label.length > MAX_TICK_CHARACTERS ? `${label.slice(0, MAX_TICK_CHARACTERS - 1).trimEnd()}…` : label;
}

/**
 * Horizontal bars, one row per category (a class, a member), side by side or stacked;
 * drawn by recharts, so this module is loaded on demand. The second series is hatched,
 * so the two differ in pattern as well as colour.
 */
export function CategoryChart({ categories, series, stacked = false, title, description }: CategoryChartProps) {
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const labels = new Map(categories.map((category) => [category.key, category.label]));
  const labelOf = (key: string) => labels.get(key) ?? key;
  const data = categories.map((category, index) => {
    const point: Record<string, string | number | null> = { key: category.key };
    for (const item of series) point[item.key] = item.values[index] ?? null;
    return point;
  });
  const longest = Math.max(
    0,
    ...categories.map((_, index) => {
      const values = series.map((item) => item.values[index] ?? 0);
      return stacked ? values.reduce((sum, value) => sum + value, 0) : Math.max(0, ...values);
    }),
  );
  // A few seats or a minute or two: whole ticks up to the next whole number, not 0 to 4 for a single seat.
  const short = longest <= 4 ? Math.max(1, Math.ceil(longest)) : null;
  const fill = (index: number) => (index === 1 ? `url(#${hatchId})` : seriesStyle(index).color);

  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout="vertical"
        title={title}
        desc={description}
        // One named picture for screen readers (the numbers are in "Show data"); the keyboard still moves the tooltip.
        role="img"
        margin={{ top: 4, right: 12, bottom: 0, left: 4 }}
      >
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--mq-surface)" />
            <rect width="3" height="6" fill={seriesStyle(1).color} />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke="var(--mq-border)" />
        <XAxis
          type="number"
          allowDecimals={false}
          domain={short ? [0, short] : undefined}
          tickCount={short ? short + 1 : undefined}
          tickFormatter={(value: number) => (series[0]?.formatTick ?? series[0]?.format ?? String)(value)}
          tick={axisTick}
          tickLine={false}
          axisLine={{ stroke: "var(--mq-border)" }}
        />
        <YAxis
          type="category"
          dataKey="key"
          tickFormatter={(key: string) => shorten(labelOf(key))}
          tick={axisTick}
          tickLine={false}
          axisLine={false}
          width="auto"
          interval={0}
        />
        <Tooltip
          content={(props) => <ChartTooltip {...props} series={series} formatLabel={labelOf} />}
          cursor={{ fill: "var(--mq-muted)" }}
        />
        {series.length > 1 ? <Legend iconSize={12} itemSorter={null} wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((item, index) => (
          <Bar
            key={item.key}
            dataKey={item.key}
            name={item.label}
            fill={fill(index)}
            stroke={seriesStyle(index).color}
            stackId={stacked ? "stack" : undefined}
            radius={!stacked || index === series.length - 1 ? [0, 3, 3, 0] : 0}
            maxBarSize={20}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
