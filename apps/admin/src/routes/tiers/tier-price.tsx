import { formatMoney } from "../../lib/money";
import type { TierRow } from "../../lib/types";

/** "$19.00 / month" over "$190.00 / year", whichever the tier offers. */
export function TierPrice({ tier }: { tier: TierRow }) {
  const prices = [
    { interval: "month", cents: tier.monthlyPriceCents },
    { interval: "year", cents: tier.yearlyPriceCents },
  ];
  return (
    <span className="grid whitespace-nowrap tabular-nums">
      {prices.map(({ interval, cents }) =>
        cents === null ? null : (
          <span key={interval}>
            {formatMoney(cents, tier.currency)} <span className="text-muted-foreground">/ {interval}</span>
          </span>
        ),
      )}
    </span>
  );
}
