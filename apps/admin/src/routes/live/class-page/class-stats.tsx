import type { ReactNode } from "react";
import { formatDateTime, formatTokenPrice, pluralize } from "../../../lib/format";
import type { LiveClassRow } from "../../../lib/types";
import { RecordingStatusBadge } from "../class-status";

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 rounded-xl border bg-surface px-4 py-3 shadow-xs">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

/** Enrollment and money, and the audience while the class is on. */
export function ClassStats({ liveClass }: { liveClass: LiveClassRow }) {
  const over = liveClass.status === "ended" || liveClass.status === "cancelled";
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      <Stat label="Enrolled">{liveClass.enrolled}</Stat>
      <Stat label="Revenue">{pluralize(liveClass.revenue, "token")}</Stat>
      <Stat label="Price">{formatTokenPrice(liveClass.priceTokens)}</Stat>
      {liveClass.status === "live" ? <Stat label="Watching now">{liveClass.currentViewers}</Stat> : null}
      {liveClass.status === "live" || over ? <Stat label="Peak viewers">{liveClass.peakViewers}</Stat> : null}
    </dl>
  );
}

/** What is left of a class that is over. */
export function ClassSummary({ liveClass }: { liveClass: LiveClassRow }) {
  const rows: [string, ReactNode][] =
    liveClass.status === "cancelled"
      ? [["Cancelled", liveClass.cancelledAt ? formatDateTime(liveClass.cancelledAt) : "—"]]
      : [
          ["Started", liveClass.startedAt ? formatDateTime(liveClass.startedAt) : "Never went live"],
          ["Ended", liveClass.endedAt ? formatDateTime(liveClass.endedAt) : "—"],
          ["Recording", <RecordingStatusBadge key="recording" liveClass={liveClass} />],
          ["Kept for the catalog", liveClass.keepRecording ? "Yes" : "No"],
        ];
  return (
    <section aria-labelledby="summary-heading" className="grid gap-3 rounded-xl border bg-surface p-5 shadow-xs">
      <h2 id="summary-heading" className="text-base font-semibold tracking-tight">
        {liveClass.status === "cancelled" ? "This class was cancelled" : "This class has ended"}
      </h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
