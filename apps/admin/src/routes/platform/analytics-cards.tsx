import { Fragment } from "react";
import { pluralize } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import type { PlatformAnalytics } from "../../lib/types";
import { formatCount } from "../analytics/analytics-format";
import { STAT_GRID, StatCard } from "../analytics/stat-card";

/**
 * Every organization's figures added up; money only within a currency (a sum would mix
 * dollars with yen), one pair of cards per currency the organizations charge in.
 */
export function PlatformCards({ totals, money }: Pick<PlatformAnalytics, "totals" | "money">) {
  return (
    <section aria-labelledby="platform-figures-heading" className="grid gap-3">
      <h2 id="platform-figures-heading" className="sr-only">
        Figures across all organizations
      </h2>
      <div className={STAT_GRID}>
        <StatCard label="Organizations" value={formatCount(totals.tenants)} />
        <StatCard label="Views" value={formatCount(totals.views)} />
        <StatCard
          label="Unique viewers"
          value={formatCount(totals.uniqueViewers)}
          detail="Someone watching in two organizations counts once"
        />
        <StatCard label="Minutes watched" value={formatCount(totals.minutesWatched)} />
        <StatCard label="New members" value={formatCount(totals.newMembers)} />
        <StatCard label="Class enrollments" value={formatCount(totals.enrollments)} />
        <StatCard
          label="Active subscribers"
          value={formatCount(totals.activeSubscribers)}
          detail="Each organization as of its last day in the period"
        />
        <StatCard
          label="Minutes stored"
          value={formatCount(totals.storedMinutes)}
          detail="Each organization at its peak in the period"
        />
        {money.map((line) => (
          <Fragment key={line.currency}>
            <StatCard
              label={`MRR in ${line.currency.toUpperCase()}`}
              value={formatMoney(line.mrrCents, line.currency)}
              detail={`${pluralize(line.tenants, "organization")} charging in ${line.currency.toUpperCase()}`}
            />
            <StatCard
              label={`Token sales in ${line.currency.toUpperCase()}`}
              value={formatMoney(line.tokenSalesCents, line.currency)}
            />
          </Fragment>
        ))}
      </div>
    </section>
  );
}
