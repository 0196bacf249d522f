import { HardDrive, Hourglass } from "lucide-react";
import { pluralize } from "../../lib/format";
import type { TenantCost } from "../../lib/types";
import { formatDay, formatMinuteFigure, formatMonth, formatUsdCents, formatUsdPrice } from "./analytics-format";
import { STAT_GRID, StatCard } from "./stat-card";

/** Storage, delivery, their total and the month's projection; upload reservations apart. */
export function CostCards({ cost }: { cost: TenantCost }) {
  const { prices, projection } = cost;
  const classes = cost.classDeliveredMinutes;
  return (
    <div className="grid gap-3">
      <div className={STAT_GRID}>
        <StatCard
          label="Storage"
          value={formatUsdCents(cost.storageCents)}
          detail={`${formatMinuteFigure(cost.storedMinutes)} minutes stored at the period's peak × ${formatUsdPrice(prices.storagePer1000Minutes)} per 1,000`}
        />
        <StatCard
          label="Delivery"
          value={formatUsdCents(cost.deliveryCents)}
          detail={`${formatMinuteFigure(cost.deliveredMinutes)} minutes delivered × ${formatUsdPrice(prices.deliveryPer1000Minutes)} per 1,000${classes > 0 ? `, ${formatMinuteFigure(classes)} of them in live classes` : ""}`}
        />
        <StatCard label="Total for the period" value={formatUsdCents(cost.totalCents)} detail="Storage plus delivery" />
        <StatCard
          label={`Projected for ${formatMonth(projection.month)}`}
          value={formatUsdCents(projection.projectedCents)}
          detail={`${formatMinuteFigure(projection.storedMinutesNow)} minutes stored now, and ${formatMinuteFigure(projection.deliveredMinutesSoFar)} minutes delivered so far plus the last week's ${formatMinuteFigure(projection.dailyPaceMinutes)} a day: about ${formatMinuteFigure(projection.projectedDeliveredMinutes)} by the month's end`}
        />
      </div>
      {cost.cloudflareStorage ? (
        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <HardDrive aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            Cloudflare counted {formatMinuteFigure(cost.cloudflareStorage.storedMinutes)} minutes stored in your account
            {cost.cloudflareStorage.limitMinutes !== null
              ? ` (limit ${formatMinuteFigure(cost.cloudflareStorage.limitMinutes)})`
              : ""}
            , {pluralize(cost.cloudflareStorage.videoCount, "video")}, on {formatDay(cost.cloudflareStorage.day)}. Its
            count includes unused upload links and anything stored outside Marquee.
          </span>
        </p>
      ) : null}
      {cost.reservedMinutes > 0 ? (
        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <Hourglass aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            <span className="font-medium text-foreground">
              {formatMinuteFigure(cost.reservedMinutes)} minutes reserved by unused upload links.
            </span>{" "}
            Cloudflare counts an upload link's maximum length against your storage until the video arrives or the link
            expires. They are not in the estimate above.
          </span>
        </p>
      ) : null}
    </div>
  );
}
