import { pluralize } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import type { AnalyticsSummary } from "../../lib/types";
import { formatCount, formatDay, formatPercent } from "./analytics-format";
import { STAT_GRID, StatCard } from "./stat-card";

type SummaryCardsProps = { summary: AnalyticsSummary; currency: string };

/** The period's totals; subscribers and MRR are a snapshot at its last rolled day. */
export function SummaryCards({ summary, currency }: SummaryCardsProps) {
  const { totals, subscribersByTier, classes } = summary;
  const lastDay = summary.series.at(-1)?.day;
  const asOf = lastDay ? `As of ${formatDay(lastDay, "long")}` : undefined;
  return (
    <section aria-labelledby="figures-heading" className="grid gap-3">
      <h2 id="figures-heading" className="sr-only">
        Figures for the period
      </h2>
      <div className={STAT_GRID}>
        <StatCard label="Views" value={formatCount(totals.views)} />
        <StatCard label="Unique viewers" value={formatCount(totals.uniqueViewers)} />
        <StatCard label="Minutes watched" value={formatCount(totals.minutesWatched)} />
        <StatCard label="New members" value={formatCount(totals.newMembers)} />
        <StatCard label="Active subscribers" value={formatCount(totals.activeSubscribers)} detail={asOf}>
          {subscribersByTier.length > 0 ? (
            <ul aria-label="Subscribers by tier" className="mt-2 grid gap-1 border-t pt-2 text-sm">
              {subscribersByTier.map((tier) => (
                <li key={tier.tierId} className="flex justify-between gap-3">
                  <span className="truncate text-muted-foreground">{tier.name}</span>
                  <span className="font-medium tabular-nums">{formatCount(tier.subscribers)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </StatCard>
        <StatCard label="Monthly recurring revenue" value={formatMoney(totals.mrrCents, currency)} detail={asOf} />
        <StatCard
          label="Token sales"
          value={formatMoney(totals.tokenSalesCents, currency)}
          detail={`${pluralize(totals.tokensSold, "token")} in ${pluralize(totals.tokenPurchases, "purchase")}`}
        />
        <StatCard
          label="Class enrollments"
          value={formatCount(totals.enrollments)}
          detail={`${pluralize(totals.enrollmentTokens, "token")} spent`}
        />
        <StatCard
          label="Live class attendance"
          value={classes.attendanceRate === null ? "—" : formatPercent(classes.attendanceRate)}
          detail={`${formatCount(classes.attended)} of ${pluralize(classes.enrollmentsHeld, "seat")} in ${pluralize(classes.classesHeld, "class", "classes")} held`}
        />
      </div>
    </section>
  );
}
