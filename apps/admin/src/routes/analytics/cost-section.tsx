import { ErrorState, TableSkeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { trpc } from "../../lib/trpc";
import { formatUsdPrice } from "./analytics-format";
import type { Period } from "./analytics-range";
import { CostCards } from "./cost-cards";
import { CostCoverage } from "./cost-coverage";
import { CostTable } from "./cost-table";
import { STAT_GRID, StatCardSkeleton } from "./stat-card";

/** What Cloudflare Stream is likely to charge for the period: storage, delivery, and per video. */
export function CostSection({ period }: { period: Period }) {
  const cost = trpc.analytics.cost.useQuery(period, { placeholderData: keepPreviousData });
  const prices = cost.data?.prices;
  const busy = cost.isPlaceholderData;

  return (
    <section aria-labelledby="cost-heading" className="grid gap-3">
      <div className="grid gap-1">
        <h2 id="cost-heading" className="text-lg font-semibold tracking-tight">
          Estimated Cloudflare bill
        </h2>
        <p className="text-sm text-muted-foreground">
          {prices
            ? `An estimate at ${formatUsdPrice(prices.storagePer1000Minutes)} per 1,000 minutes stored and ${formatUsdPrice(prices.deliveryPer1000Minutes)} per 1,000 minutes delivered, in US dollars. Cloudflare's invoice is what you pay.`
            : "An estimate of what Cloudflare Stream charges for this organization's videos, in US dollars."}
        </p>
      </div>
      {cost.isPending ? (
        <CostSkeleton />
      ) : cost.isError ? (
        <ErrorState message={errorMessage(cost.error)} onRetry={() => cost.refetch()} retrying={cost.isFetching} />
      ) : (
        <div aria-busy={busy} className={busy ? "grid gap-4 opacity-60 transition-opacity" : "grid gap-4"}>
          <CostCoverage cost={cost.data} />
          <CostCards cost={cost.data} />
          <CostTable videos={cost.data.videos} />
        </div>
      )}
    </section>
  );
}

function CostSkeleton() {
  return (
    <div className="grid gap-4">
      <div role="status" aria-label="Loading the estimated bill" className={STAT_GRID}>
        {Array.from({ length: 4 }, (_, index) => (
          <StatCardSkeleton key={`cost-${index}`} />
        ))}
      </div>
      <TableSkeleton columns={4} label="Loading the cost per video" />
    </div>
  );
}
