import { EmptyState, ErrorState, PageHeader, TableSkeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { Building2, ShieldAlert } from "lucide-react";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import type { Period } from "../analytics/analytics-range";
import { AnalyticsSkeleton } from "../analytics/analytics-skeleton";
import { InvalidPeriod } from "../analytics/invalid-period";
import { RangePicker } from "../analytics/range-picker";
import { useAnalyticsRange } from "../analytics/use-analytics-range";
import { PlatformCards } from "./analytics-cards";
import { PlatformTenantsTable } from "./analytics-table";

/** `/platform/analytics`: every organization's figures side by side, for platform admins. */
export function PlatformAnalyticsPage() {
  const { me } = useSession();
  return (
    <div className="grid gap-6">
      <title>Analytics · Marquee Console</title>
      <PageHeader
        eyebrow="Platform"
        title="Analytics"
        description="Every organization's audience and members side by side, from the hourly rollups."
      />
      {me.user.isPlatformAdmin ? (
        <PlatformAnalytics />
      ) : (
        <EmptyState
          icon={ShieldAlert}
          title="Only platform administrators see analytics across organizations"
          description="Each organization's owners and admins see its own figures on its Analytics page."
        />
      )}
    </div>
  );
}

function PlatformAnalytics() {
  const { range } = useAnalyticsRange();
  return (
    <>
      <RangePicker />
      {range.kind === "custom" && range.error ? <InvalidPeriod /> : <PlatformFigures period={range.period} />}
    </>
  );
}

function PlatformFigures({ period }: { period: Period }) {
  const summary = trpc.platformAnalytics.summary.useQuery(period, { placeholderData: keepPreviousData });

  if (summary.isPending) {
    return (
      <div className="grid gap-8">
        <AnalyticsSkeleton label="Loading analytics" cards={8} charts={0} />
        <TableSkeleton columns={9} label="Loading the organizations' figures" />
      </div>
    );
  }
  if (summary.isError) {
    return (
      <ErrorState
        message={errorMessage(summary.error)}
        onRetry={() => summary.refetch()}
        retrying={summary.isFetching}
      />
    );
  }
  const { totals, money, tenants } = summary.data;
  if (tenants.length === 0) {
    return (
      <EmptyState
        icon={Building2}
        title="No organizations yet"
        description="Their figures appear here once an organization is created under Tenants."
      />
    );
  }
  const busy = summary.isPlaceholderData;
  return (
    <div aria-busy={busy} className={busy ? "grid gap-8 opacity-60 transition-opacity" : "grid gap-8"}>
      <PlatformCards totals={totals} money={money} />
      <PlatformTenantsTable tenants={tenants} />
    </div>
  );
}
