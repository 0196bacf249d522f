import { Alert, EmptyState, ErrorState, PageHeader, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { skipToken } from "@tanstack/react-query";
import { Gem } from "lucide-react";
import { useSearchParams } from "react-router";
import { trpc } from "../lib/trpc";
import type { BillingOverview } from "../lib/types";
import { useBuyPack } from "../lib/use-buy-pack";
import { SignInOrJoinButton } from "./tenant-join";
import { useTenantContext } from "./tenant-layout";
import { PricingPlans } from "./tenant-pricing-plans";
import { BuyPackButton, TokenPackList } from "./tenant-token-packs";

export function TenantPricingPage() {
  const { tenant, me } = useTenantContext();
  const [params] = useSearchParams();
  const member = me !== null && tenant.viewerRole !== null;
  const offers = trpc.billing.offers.useQuery(undefined, { staleTime: 60_000 });
  const overview = trpc.billing.overview.useQuery(member ? undefined : skipToken);
  const buy = useBuyPack();
  const cancelled = params.get("checkout") === "cancelled";

  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 sm:py-10">
      <title>{`Pricing · ${tenant.name}`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Pricing"
        description={`Subscribe to a plan to unlock more of ${tenant.name}'s videos, or buy tokens for classes.`}
      />
      {/* Until the member's plan is known, the notice could name the wrong one. */}
      {cancelled && (!member || !overview.isPending) ? <CheckoutCancelledNotice overview={overview.data} /> : null}
      {offers.isPending ? (
        <PricingSkeleton />
      ) : offers.isError ? (
        <ErrorState
          message={errorMessage(offers.error)}
          onRetry={() => offers.refetch()}
          retrying={offers.isFetching}
        />
      ) : (
        <>
          {offers.data.paymentsEnabled ? null : (
            <Alert title={`${tenant.name} isn't taking payments yet`}>
              You can look at the plans; subscribing opens once {tenant.name} finishes setting up payments.
            </Alert>
          )}
          <section aria-labelledby="plans-heading" className="grid gap-4">
            <h2 id="plans-heading" className="text-xl font-semibold tracking-tight">
              Plans
            </h2>
            {offers.data.tiers.length === 0 ? (
              <EmptyState
                icon={Gem}
                title="No plans yet"
                description={`${tenant.name} has not set up any plans: joining gives you every members-only video.`}
              />
            ) : (
              <PricingPlans
                tenant={tenant}
                me={me}
                tiers={offers.data.tiers}
                paymentsEnabled={offers.data.paymentsEnabled}
                overview={overview.data}
                loadingPlan={member && overview.isPending}
              />
            )}
          </section>
          {offers.data.packs.length > 0 ? (
            <section aria-labelledby="packs-heading" className="grid gap-4">
              <div className="grid gap-1">
                <h2 id="packs-heading" className="text-xl font-semibold tracking-tight">
                  Token packs
                </h2>
                <p className="text-sm text-muted-foreground">Tokens pay for classes, one enrollment at a time.</p>
              </div>
              <TokenPackList
                packs={offers.data.packs}
                action={(pack) =>
                  !offers.data.paymentsEnabled ? null : member ? (
                    <BuyPackButton pack={pack} buy={buy} />
                  ) : (
                    <SignInOrJoinButton tenant={tenant} me={me} action="buy tokens" />
                  )
                }
              />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function CheckoutCancelledNotice({ overview }: { overview: BillingOverview | undefined }) {
  const plan = overview?.subscription?.live ? `the ${overview.subscription.tier.name} plan` : "the free plan";
  return <Alert title={`Checkout cancelled — you're still on ${plan}`}>Nothing was charged.</Alert>;
}

function PricingSkeleton() {
  return (
    <div role="status" aria-label="Loading plans" className="grid gap-6">
      <Skeleton className="h-10 w-56" />
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} className="h-80 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
