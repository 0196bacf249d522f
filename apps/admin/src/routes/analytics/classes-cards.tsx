import { pluralize } from "../../lib/format";
import type { ClassesTotals } from "../../lib/types";
import { formatCount, formatPercent } from "./analytics-format";
import { STAT_GRID, StatCard } from "./stat-card";

/** The period's classes in a few numbers; cancelled classes count for nothing (their seats were refunded). */
export function ClassesCards({ totals }: { totals: ClassesTotals }) {
  return (
    <div className={STAT_GRID}>
      <StatCard
        label="Classes"
        value={formatCount(totals.classes)}
        detail={`${formatCount(totals.classesHeld)} held`}
      />
      <StatCard label="Enrollments" value={formatCount(totals.enrollments)} detail="Seats taken, refunds excluded" />
      <StatCard
        label="Attendance rate"
        value={totals.attendanceRate === null ? "—" : formatPercent(totals.attendanceRate)}
        detail={
          totals.attendanceRate === null
            ? "No class held yet"
            : `${pluralize(totals.attended, "member")} watched, of the seats in classes held`
        }
      />
      <StatCard label="Token revenue" value={pluralize(totals.tokens, "token")} detail="Paid for the seats" />
      <StatCard label="Live minutes" value={formatCount(totals.liveMinutes)} detail="Watched by seated members" />
      <StatCard label="Replay minutes" value={formatCount(totals.replayMinutes)} detail="Watched by seated members" />
      <StatCard
        label="Peak viewers"
        value={formatCount(totals.peakViewers)}
        detail="Most watching one class live at once"
      />
    </div>
  );
}
