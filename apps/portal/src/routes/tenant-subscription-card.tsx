import {
  Alert,
  Badge,
  type BadgeProps,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  toast,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { ExternalLink } from "lucide-react";
import { type ReactNode, useState } from "react";
import { formatDate, formatMoney } from "../lib/format";
import { trpc } from "../lib/trpc";
import type { MemberSubscription } from "../lib/types";
import { useBillingPortal } from "../lib/use-billing-portal";

type Status = MemberSubscription["status"];

const STATUS_BADGES: Record<Status, { label: string; tone: BadgeProps["tone"] }> = {
  active: { label: "Active", tone: "success" },
  trialing: { label: "Trial", tone: "primary" },
  past_due: { label: "Payment failed", tone: "danger" },
  unpaid: { label: "Unpaid", tone: "danger" },
  incomplete: { label: "Awaiting payment", tone: "warning" },
  incomplete_expired: { label: "Expired", tone: "neutral" },
  canceled: { label: "Cancelled", tone: "neutral" },
  paused: { label: "Paused", tone: "neutral" },
};

type SubscriptionCardProps = { subscription: MemberSubscription; canManage: boolean; paymentsEnabled: boolean };

/** A live plan: what it costs, when it renews or ends, and the ways to change it. */
export function SubscriptionCard({ subscription, canManage, paymentsEnabled }: SubscriptionCardProps) {
  const { tier, interval, currentPeriodEnd, cancelAtPeriodEnd, graceEndsAt } = subscription;
  const badge = STATUS_BADGES[subscription.status];
  const price = interval === "year" ? tier.yearlyPriceCents : interval === "month" ? tier.monthlyPriceCents : null;
  const portal = useBillingPortal();
  const [confirming, setConfirming] = useState(false);
  const utils = trpc.useUtils();
  const onChanged = (next: MemberSubscription | null) =>
    utils.billing.overview.setData(undefined, (current) => (current ? { ...current, subscription: next } : current));
  const cancel = trpc.billing.cancel.useMutation({
    onSuccess: (next) => {
      onChanged(next);
      toast.success(`Your ${tier.name} plan ends on ${formatDate(currentPeriodEnd)}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const resume = trpc.billing.resume.useMutation({
    onSuccess: (next) => {
      onChanged(next);
      toast.success(`Your ${tier.name} plan renews on ${formatDate(currentPeriodEnd)}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <Card>
      <CardHeader>
        <CardDescription>Your plan</CardDescription>
        <CardTitle className="flex flex-wrap items-center gap-2 text-2xl">
          {tier.name}
          <Badge tone={badge.tone} dot>
            {badge.label}
          </Badge>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        {subscription.status === "past_due" ? (
          <Alert
            tone="destructive"
            title={
              graceEndsAt
                ? `Payment failed — update your payment method before ${formatDate(graceEndsAt)}`
                : "Payment failed — update your payment method to keep your plan"
            }
          >
            Until then you keep {tier.name}; Stripe tries the charge again meanwhile.
          </Alert>
        ) : null}
        {cancelAtPeriodEnd ? (
          <Alert title="Your plan is set to end">
            You keep {tier.name} until {formatDate(currentPeriodEnd)}. Resume to keep it after that.
          </Alert>
        ) : null}
        {tier.archived ? (
          <p className="text-sm text-muted-foreground">
            {tier.name} is no longer offered to new members; your subscription ends with the period you paid for.
          </p>
        ) : null}
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <Detail label="Price">
            {price === null
              ? "—"
              : `${formatMoney(price, tier.currency)} per ${interval === "year" ? "year" : "month"}`}
          </Detail>
          <Detail label="Billed">{interval === "year" ? "Yearly" : interval === "month" ? "Monthly" : "—"}</Detail>
          <Detail label={cancelAtPeriodEnd ? "Cancels on" : "Renews on"}>{formatDate(currentPeriodEnd)}</Detail>
        </dl>
      </CardContent>
      {paymentsEnabled ? (
        <CardFooter className="flex-wrap py-4">
          {canManage ? (
            <Button loading={portal.isPending || portal.isSuccess} onClick={() => portal.mutate()}>
              <ExternalLink aria-hidden="true" />
              Manage billing
            </Button>
          ) : null}
          {cancelAtPeriodEnd ? (
            <Button variant="outline" loading={resume.isPending} onClick={() => resume.mutate()}>
              Resume subscription
            </Button>
          ) : (
            <Button variant="outline" onClick={() => setConfirming(true)}>
              Cancel subscription
            </Button>
          )}
        </CardFooter>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Cancel your ${tier.name} plan?`}
        description={`You keep ${tier.name} until ${formatDate(currentPeriodEnd)}; after that its videos lock again. You can resume any time before then.`}
        confirmLabel="Cancel subscription"
        cancelLabel="Keep my plan"
        tone="destructive"
        onConfirm={() => cancel.mutateAsync()}
      />
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
