import { EmptyState, ErrorState, PageHeader } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { ChartLine } from "lucide-react";
import { canViewAnalytics } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { Period } from "./analytics-range";
import { AnalyticsSkeleton } from "./analytics-skeleton";
import { ClassesSection } from "./classes-section";
import { CostSection } from "./cost-section";
import { InvalidPeriod } from "./invalid-period";
import { OverviewCharts } from "./overview-charts";
import { RangePicker } from "./range-picker";
import { SummaryCards } from "./summary-cards";
import { TopVideos } from "./top-videos";
import { UpdatedAt } from "./updated-at";
import { useAnalyticsRange } from "./use-analytics-range";
import { useTenantCurrency } from "./use-tenant-currency";

export function AnalyticsPage() {
  const tenant = useTenant();
  const { range } = useAnalyticsRange();
  // Instructors see their own classes only: the organization's figures are refused to them.
  const tenantWide = canViewAnalytics(tenant.role);
  return (
    <div className="grid gap-6">
      <title>{`Analytics · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Analytics"
        description={
          tenantWide
            ? "Who watches what, who joins and what they pay, day by day."
            : "Who enrolls in the classes you teach, and who watches them."
        }
      />
      <RangePicker />
      {range.kind === "custom" && range.error ? (
        <InvalidPeriod />
      ) : tenantWide ? (
        <AnalyticsOverview period={range.period} />
      ) : (
        <ClassesSection period={range.period} />
      )}
    </div>
  );
}

function AnalyticsOverview({ period }: { period: Period }) {
  const summary = trpc.analytics.summary.useQuery(period, { placeholderData: keepPreviousData });
  const currency = useTenantCurrency();

  if (summary.isPending || currency.isPending) return <AnalyticsSkeleton label="Loading analytics" />;
  if (summary.isError) {
    return (
      <ErrorState
        message={errorMessage(summary.error)}
        onRetry={() => summary.refetch()}
        retrying={summary.isFetching}
      />
    );
  }
  const { rolledUpAt } = summary.data;
  if (rolledUpAt === null) {
    return (
      <EmptyState
        icon={ChartLine}
        title="No figures for this period yet"
        description="Figures appear after the first hourly rollup, for the days since the organization was created."
      />
    );
  }
  const busy = summary.isPlaceholderData;
  return (
    <div aria-busy={busy} className={busy ? "grid gap-8 opacity-60 transition-opacity" : "grid gap-8"}>
      <UpdatedAt at={rolledUpAt} />
      <SummaryCards summary={summary.data} currency={currency.code} />
      <OverviewCharts summary={summary.data} currency={currency.code} />
      <ClassesSection period={period} />
      <TopVideos period={period} />
      <CostSection period={period} />
    </div>
  );
}
