import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, cn } from "@marquee/ui";
import { Check } from "lucide-react";
import type { ReactNode } from "react";
import { formatMoney } from "../lib/format";
import type { BillingInterval, OfferTier } from "../lib/types";

type Prices = Pick<OfferTier, "monthlyPriceCents" | "yearlyPriceCents">;

/** What paying yearly saves over twelve monthly payments, or null when it saves nothing. */
export function yearlySavings({ monthlyPriceCents, yearlyPriceCents }: Prices) {
  if (monthlyPriceCents === null || yearlyPriceCents === null) return null;
  const amount = monthlyPriceCents * 12 - yearlyPriceCents;
  if (amount <= 0) return null;
  return { amount, percent: Math.round((amount / (monthlyPriceCents * 12)) * 100) };
}

export function priceFor(tier: Prices, interval: BillingInterval): number | null {
  return interval === "month" ? tier.monthlyPriceCents : tier.yearlyPriceCents;
}

type TierCardProps = {
  tier: OfferTier;
  interval: BillingInterval;
  /** The member's live plan: marked, and offered for managing rather than buying. */
  current: boolean;
  action: ReactNode;
};

export function TierCard({ tier, interval, current, action }: TierCardProps) {
  return (
    <li>
      <Card className={cn("flex h-full flex-col", current && "border-primary ring-1 ring-primary")}>
        <CardHeader>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle className="text-lg">{tier.name}</CardTitle>
            {current ? (
              <Badge tone="primary">
                <Check aria-hidden="true" />
                Your plan
              </Badge>
            ) : null}
          </div>
          {tier.description ? <CardDescription>{tier.description}</CardDescription> : null}
        </CardHeader>
        <CardContent className="flex flex-1 flex-col gap-5">
          <TierPrice tier={tier} interval={interval} />
          {tier.benefits.length > 0 ? (
            <ul aria-label={`What ${tier.name} includes`} className="grid gap-2 text-sm">
              {tier.benefits.map((benefit) => (
                <li key={benefit} className="flex gap-2">
                  <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                  {benefit}
                </li>
              ))}
            </ul>
          ) : null}
          {action ? <div className="mt-auto pt-1">{action}</div> : null}
        </CardContent>
      </Card>
    </li>
  );
}

function TierPrice({ tier, interval }: { tier: OfferTier; interval: BillingInterval }) {
  const price = priceFor(tier, interval);
  const savings = yearlySavings(tier);
  if (price === null) {
    return <p className="text-sm text-muted-foreground">Not offered {interval === "month" ? "monthly" : "yearly"}</p>;
  }
  return (
    <div className="grid gap-1">
      <p className="flex items-baseline gap-1">
        <span className="text-4xl font-semibold tracking-tight">{formatMoney(price, tier.currency)}</span>
        <span className="text-sm text-muted-foreground">{interval === "month" ? "per month" : "per year"}</span>
      </p>
      {interval === "year" && savings ? (
        <p className="text-sm font-medium text-success-soft-foreground">
          Save {formatMoney(savings.amount, tier.currency)} a year ({savings.percent}%)
        </p>
      ) : interval === "month" && tier.yearlyPriceCents !== null ? (
        <p className="text-sm text-muted-foreground">
          or {formatMoney(tier.yearlyPriceCents, tier.currency)} per year
          {savings ? `, ${savings.percent}% less` : ""}
        </p>
      ) : null}
    </div>
  );
}
