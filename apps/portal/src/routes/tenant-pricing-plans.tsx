import { Alert, Button, SegmentedControl, Skeleton, toast } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { Link } from "react-router";
import { goToStripe, useResetOnReturn } from "../lib/stripe-redirect";
import { trpc } from "../lib/trpc";
import type { BillingInterval, BillingOverview, Me, OfferTier, PublicTenant } from "../lib/types";
import { SignInOrJoinButton } from "./tenant-join";
import { priceFor, TierCard, yearlySavings } from "./tenant-pricing-tier-card";

type PricingPlansProps = {
  tenant: PublicTenant;
  me: Me | null;
  tiers: OfferTier[];
  paymentsEnabled: boolean;
  /** The member's billing; undefined for visitors, and when it could not be loaded. */
  overview: BillingOverview | undefined;
  /** The member's billing is still loading: their plan cannot be marked yet. */
  loadingPlan: boolean;
};

/** The tiers side by side, priced per month or per year, each with what the viewer can do about it. */
export function PricingPlans({ tenant, me, tiers, paymentsEnabled, overview, loadingPlan }: PricingPlansProps) {
  const [interval, chooseInterval] = useState<BillingInterval>("month");
  const utils = trpc.useUtils();
  const subscribe = trpc.billing.subscribe.useMutation({
    onSuccess: ({ url }) => goToStripe(url),
    onError: (error) => {
      // Already subscribed (in another tab, say): the alert below explains and links to Billing.
      if (errorCode(error) === "CONFLICT") void utils.billing.overview.invalidate();
      else toast.error(errorMessage(error));
    },
  });
  useResetOnReturn(subscribe.reset);

  const member = me !== null && tenant.viewerRole !== null;
  const billingHref = `/${tenant.slug}/account/billing`;
  const live = overview?.subscription?.live ? overview.subscription : null;
  const leaving = subscribe.isPending || subscribe.isSuccess;
  const bestSavings = Math.max(0, ...tiers.map((tier) => yearlySavings(tier)?.percent ?? 0));
  const conflict = subscribe.error && errorCode(subscribe.error) === "CONFLICT" ? errorMessage(subscribe.error) : null;

  const actionFor = (tier: OfferTier) => {
    if (!paymentsEnabled) return null;
    if (!member) return <SignInOrJoinButton tenant={tenant} me={me} action="subscribe" />;
    if (loadingPlan) return <Skeleton className="h-9 w-full" />;
    if (live) {
      return (
        <Button asChild variant="outline" className="w-full">
          <Link to={billingHref}>
            {live.tier.id === tier.id ? (
              "Manage your plan"
            ) : (
              <>
                Change plan<span className="sr-only"> to {tier.name}</span>
              </>
            )}
          </Link>
        </Button>
      );
    }
    const offered = priceFor(tier, interval) !== null;
    return (
      <Button
        className="w-full"
        disabled={!offered || leaving}
        loading={leaving && subscribe.variables?.tierId === tier.id}
        onClick={() => subscribe.mutate({ tierId: tier.id, interval })}
      >
        Subscribe<span className="sr-only"> to {tier.name}</span>
      </Button>
    );
  };

  return (
    <div className="grid gap-6">
      <SegmentedControl
        label="Billing period"
        value={interval}
        onChange={chooseInterval}
        options={[
          { value: "month", label: "Monthly" },
          { value: "year", label: "Yearly", hint: bestSavings > 0 ? `Save up to ${bestSavings}%` : undefined },
        ]}
      />
      {conflict ? (
        <Alert tone="warning" title="You already have a plan">
          {conflict}{" "}
          <Link to={billingHref} className="font-medium underline underline-offset-4">
            Go to Billing
          </Link>
        </Alert>
      ) : null}
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {tiers.map((tier) => (
          <TierCard
            key={tier.id}
            tier={tier}
            interval={interval}
            current={live?.tier.id === tier.id}
            action={actionFor(tier)}
          />
        ))}
      </ul>
    </div>
  );
}
