import { formatCompact, formatCount } from "../analytics-format";
import { ChartCard } from "./chart-card";

type ViewsMinutesChartProps = {
  description: string;
  days: string[];
  views: (number | null)[];
  minutes: (number | null)[];
};

/** Views (left axis) and minutes watched (right axis) per day, for the overview and a video's drill-down. */
export function ViewsMinutesChart({ description, days, views, minutes }: ViewsMinutesChartProps) {
  return (
    <ChartCard
      title="Views and minutes watched"
      description={description}
      kind="line"
      days={days}
      series={[
        { key: "views", label: "Views", values: views, format: formatCount },
        {
          key: "minutes",
          label: "Minutes watched",
          values: minutes,
          format: formatCount,
          formatTick: formatCompact,
          axis: "right",
        },
      ]}
    />
  );
}
