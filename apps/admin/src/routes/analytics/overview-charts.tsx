import { formatMoney } from "../../lib/money";
import type { AnalyticsSummary } from "../../lib/types";
import { formatCount, formatMoneyCompact } from "./analytics-format";
import { eachDay } from "./analytics-range";
import { ChartCard } from "./charts/chart-card";
import { valuesByDay } from "./charts/values-by-day";
import { ViewsMinutesChart } from "./charts/views-minutes-chart";

type OverviewChartsProps = { summary: AnalyticsSummary; currency: string };

export function OverviewCharts({ summary, currency }: OverviewChartsProps) {
  const days = eachDay(summary.period);
  const rows = summary.series;
  const rolled = rows.map((row) => row.day);
  const per = (pick: (row: (typeof rows)[number]) => number) => valuesByDay(days, rolled, rows, pick);
  const money = (cents: number) => formatMoney(cents, currency);
  const moneyTick = (cents: number) => formatMoneyCompact(cents, currency);

  return (
    <section aria-labelledby="charts-heading" className="grid gap-3">
      <h2 id="charts-heading" className="sr-only">
        Day by day
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <ViewsMinutesChart
          description="Videos started, and minutes played, each day."
          days={days}
          views={per((row) => row.views)}
          minutes={per((row) => row.minutesWatched)}
        />
        <ChartCard
          title="New members"
          description="People who joined the organization each day."
          kind="bar"
          days={days}
          series={[{ key: "members", label: "New members", values: per((row) => row.newMembers), format: formatCount }]}
        />
        <ChartCard
          title="Monthly recurring revenue"
          description="Subscriptions in force at the end of each day, per month; yearly plans count a twelfth."
          kind="line"
          days={days}
          series={[
            { key: "mrr", label: "MRR", values: per((row) => row.mrrCents), format: money, formatTick: moneyTick },
          ]}
        />
        <ChartCard
          title="Token sales"
          description="Money taken for token packs each day."
          kind="bar"
          days={days}
          series={[
            {
              key: "tokenSales",
              label: "Token sales",
              values: per((row) => row.tokenSalesCents),
              format: money,
              formatTick: moneyTick,
            },
          ]}
        />
      </div>
    </section>
  );
}
