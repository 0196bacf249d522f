import { Button, Card, CardContent, EmptyState, ErrorState, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { ArrowRight, Coins, ExternalLink, Gem } from "lucide-react";
import { Link } from "react-router";
import { formatDate, formatTokens } from "../lib/format";
import { trpc } from "../lib/trpc";
import type { BillingOverview, PublicTenant } from "../lib/types";
import { useBackFromBillingPortal, useBillingPortal } from "../lib/use-billing-portal";
import { useTenantContext } from "./tenant-layout";
import { SubscriptionCard } from "./tenant-subscription-card";

/** Account → Billing: the member's plan in this organization. */
export function AccountBillingPage() {
  const { tenant } = useTenantContext();
  // Changes made in Stripe's Billing Portal reach us by webhook a moment after the member is back.
  const settling = useBackFromBillingPortal();
  const overview = trpc.billing.overview.useQuery(undefined, { refetchInterval: settling ? 2_000 : false });

  return (
    <div className="grid gap-6">
      <title>{`Billing · ${tenant.name}`}</title>
      <h2 className="sr-only">Billing</h2>
      {overview.isPending ? (
        <div role="status" aria-label="Loading your plan" className="grid gap-4">
          <Skeleton className="h-56 rounded-xl" />
          <Skeleton className="h-24 rounded-xl" />
        </div>
      ) : overview.isError ? (
        <ErrorState
          message={errorMessage(overview.error)}
          onRetry={() => overview.refetch()}
          retrying={overview.isFetching}
        />
      ) : (
        <>
          {overview.data.subscription?.live ? (
            <SubscriptionCard
              subscription={overview.data.subscription}
              canManage={overview.data.canManage}
              paymentsEnabled={overview.data.paymentsEnabled}
            />
          ) : (
            <FreePlan tenant={tenant} overview={overview.data} />
          )}
          <Card>
            <CardContent className="flex flex-wrap items-center justify-between gap-4">
              <p className="flex items-center gap-3">
                <Coins aria-hidden="true" className="size-5 text-primary" />
                <span>
                  <span className="block text-sm text-muted-foreground">Token balance</span>
                  <span className="font-semibold">{formatTokens(overview.data.balance)}</span>
                </span>
              </p>
              <Button asChild variant="outline" size="sm">
                <Link to={`/${tenant.slug}/account/tokens`}>View tokens</Link>
              </Button>
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}

function FreePlan({ tenant, overview }: { tenant: PublicTenant; overview: BillingOverview }) {
  const portal = useBillingPortal();
  const ended = overview.subscription;
  const endedOn = ended?.endedAt ?? ended?.currentPeriodEnd;
  return (
    <EmptyState
      icon={Gem}
      title="You're on the free plan"
      description={
        !overview.paymentsEnabled
          ? `${tenant.name} isn't taking payments yet.`
          : ended && endedOn
            ? `Your ${ended.tier.name} plan ended on ${formatDate(endedOn)}. Subscribe again to unlock its videos.`
            : "Subscribe to a plan to unlock more videos."
      }
      action={
        <div className="flex flex-col justify-center gap-2 sm:flex-row">
          <Button asChild>
            <Link to={`/${tenant.slug}/pricing`}>
              See plans
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
          {overview.paymentsEnabled && overview.canManage ? (
            // Invoices and payment methods stay reachable after a plan ends, or after buying tokens.
            <Button variant="outline" loading={portal.isPending || portal.isSuccess} onClick={() => portal.mutate()}>
              <ExternalLink aria-hidden="true" />
              Manage billing
            </Button>
          ) : null}
        </div>
      }
    />
  );
}
