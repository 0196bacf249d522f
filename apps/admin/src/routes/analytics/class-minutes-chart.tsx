import type { ClassAttendance } from "../../lib/types";
import { formatMinuteFigure } from "./analytics-format";
import { CategoryChartCard } from "./charts/category-chart-card";

/** More rows than this is a wall of bars: the chart shows who watched most, the table everyone. */
const MAX_BARS = 20;
const TITLE = "Minutes watched per member";

/** Live and replay minutes of each member who watched, stacked (the API sorts by minutes, most first). */
export function ClassMinutesChart({ enrollments }: { enrollments: ClassAttendance[] }) {
  const watched = enrollments.filter((seat) => seat.liveMinutes > 0 || seat.replayMinutes > 0);
  if (watched.length === 0) {
    return (
      <p className="rounded-xl border border-dashed bg-surface/60 px-6 py-8 text-center text-sm text-muted-foreground">
        No member has watched this class yet: the chart of minutes per member appears once someone does.
      </p>
    );
  }
  const shown = watched.slice(0, MAX_BARS);
  return (
    <CategoryChartCard
      title={TITLE}
      description={
        shown.length < watched.length
          ? `The ${MAX_BARS} members who watched most: minutes live, and of the replay.`
          : "Minutes each member watched live, and of the replay."
      }
      categoryLabel="Member"
      stacked
      categories={shown.map((seat) => ({ key: seat.enrollmentId, label: seat.name }))}
      series={[
        { key: "live", label: "Live", values: shown.map((seat) => seat.liveMinutes), format: formatMinuteFigure },
        { key: "replay", label: "Replay", values: shown.map((seat) => seat.replayMinutes), format: formatMinuteFigure },
      ]}
    />
  );
}
