import { Badge, type BadgeProps } from "@marquee/ui";
import { formatDate } from "../../lib/format";
import type { Subscription } from "../../lib/types";

const STATUSES: Record<string, { label: string; tone: BadgeProps["tone"] }> = {
  active: { label: "Active", tone: "success" },
  trialing: { label: "Trial", tone: "primary" },
  past_due: { label: "Past due", tone: "warning" },
  unpaid: { label: "Unpaid", tone: "danger" },
  canceled: { label: "Canceled", tone: "neutral" },
  incomplete: { label: "Incomplete", tone: "neutral" },
  incomplete_expired: { label: "Expired", tone: "neutral" },
  paused: { label: "Paused", tone: "neutral" },
};

const LIVE = new Set(["active", "trialing", "past_due"]);

/** The member's plan: its tier, Stripe's status, and when it ends if it will. */
export function SubscriptionSummary({ subscription }: { subscription: Subscription | null }) {
  if (!subscription) return <span className="whitespace-nowrap text-muted-foreground">No plan</span>;
  const status = STATUSES[subscription.status] ?? { label: subscription.status, tone: "neutral" };
  const end = new Date(subscription.currentPeriodEnd);
  const ending = LIVE.has(subscription.status)
    ? subscription.cancelAtPeriodEnd
      ? `Cancels ${formatDate(end)}`
      : null
    : subscription.status === "canceled"
      ? `Ended ${formatDate(end)}`
      : null;
  return (
    <div className="grid justify-items-start gap-1">
      <span className="font-medium">{subscription.tierName}</span>
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={status.tone} dot>
          {status.label}
        </Badge>
        {ending ? <span className="text-xs whitespace-nowrap text-muted-foreground">{ending}</span> : null}
      </span>
    </div>
  );
}
