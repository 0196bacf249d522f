import type { ClassFiguresRow } from "../../lib/types";
import { formatCount } from "./analytics-format";
import { CategoryChartCard } from "./charts/category-chart-card";

/** A chart of more rows than this is a wall of bars: it shows the most recent ones, the table all. */
const MAX_BARS = 20;
const dayFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

/** Seats against members who watched, per class (newest first, as the table). */
export function ClassesChart({ classes }: { classes: ClassFiguresRow[] }) {
  const shown = classes.slice(0, MAX_BARS);
  return (
    <CategoryChartCard
      title="Enrolled and attended per class"
      description={
        shown.length < classes.length
          ? `The ${MAX_BARS} most recent classes of the period: seats taken, and members who watched live or the replay.`
          : "Seats taken, and members who watched live or the replay, per class of the period."
      }
      categoryLabel="Class"
      categories={shown.map((row) => ({
        key: row.id,
        // Weekly classes share a title: the day tells them apart.
        label: `${row.title} · ${dayFormat.format(row.scheduledStart)}`,
      }))}
      series={[
        { key: "enrolled", label: "Enrolled", values: shown.map((row) => row.enrolled), format: formatCount },
        { key: "attended", label: "Attended", values: shown.map((row) => row.attended), format: formatCount },
      ]}
    />
  );
}
