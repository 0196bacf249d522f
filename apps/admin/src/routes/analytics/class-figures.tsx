import { pluralize } from "../../lib/format";
import type { ClassAnalytics } from "../../lib/types";
import { formatCount, formatMinuteFigure, formatPercent } from "./analytics-format";
import { STAT_GRID, StatCard } from "./stat-card";

/** One class in numbers: its seats, who watched and how long, and its audience at the peak. */
export function ClassFigures({ totals }: { totals: ClassAnalytics["totals"] }) {
  return (
    <section aria-labelledby="class-figures-heading">
      <h2 id="class-figures-heading" className="sr-only">
        Figures for the class
      </h2>
      <div className={STAT_GRID}>
        <StatCard label="Enrolled" value={formatCount(totals.enrolled)} detail="Seats taken, refunds excluded" />
        <StatCard
          label="Attended"
          value={formatCount(totals.attended)}
          detail={
            totals.attendanceRate === null
              ? "The class has not started"
              : `${formatPercent(totals.attendanceRate)} of the seats`
          }
        />
        <StatCard
          label="Live minutes"
          value={formatCount(totals.liveMinutes)}
          detail={`${pluralize(totals.attendedLive, "member")} watched live`}
        />
        <StatCard
          label="Replay minutes"
          value={formatCount(totals.replayMinutes)}
          detail={`${pluralize(totals.watchedReplay, "member")} watched the replay`}
        />
        <StatCard
          label="Minutes per attendee"
          value={totals.minutesPerAttendee === null ? "—" : formatMinuteFigure(totals.minutesPerAttendee)}
          detail="Live and replay, per member who watched"
        />
        <StatCard
          label="Peak concurrent viewers"
          value={formatCount(totals.peakViewers)}
          detail="Most people watching live at once"
        />
        <StatCard label="Token revenue" value={pluralize(totals.tokens, "token")} detail="Paid for the seats" />
        <StatCard
          label="Other viewers"
          value={formatCount(totals.otherViewers)}
          detail="Staff and others who watched without a seat"
        />
      </div>
    </section>
  );
}
