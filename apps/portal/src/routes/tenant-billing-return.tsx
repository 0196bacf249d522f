import { Button, Card, CardContent, ErrorState, Progress, Spinner } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { ArrowRight, CircleAlert, CircleCheck, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { formatTokens } from "../lib/format";
import type { PublicTenant } from "../lib/types";
import { useCheckoutStatus } from "../lib/use-checkout-status";
import { useTenantContext } from "./tenant-layout";
import { MembersOnly } from "./tenant-members-only";

/** `/:tenantSlug/billing/return?session_id=…`: where Stripe sends a member after paying for a plan. */
export function BillingReturnPage() {
  return (
    <MembersOnly>
      <BillingReturn />
    </MembersOnly>
  );
}

function BillingReturn() {
  const { tenant } = useTenantContext();
  const [params] = useSearchParams();
  const { status, waiting, slow } = useCheckoutStatus(params.get("session_id"));
  const retry = () => status.refetch();

  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:py-16">
      <title>{`Checkout · ${tenant.name}`}</title>
      {status.isError && !status.data && errorCode(status.error) !== "NOT_FOUND" ? (
        <ErrorState message={errorMessage(status.error)} onRetry={retry} retrying={status.isFetching} />
      ) : (
        <Card>
          {/* One live region for the whole wait, so the outcome is announced when it replaces "Confirming". */}
          <CardContent role="status" className="flex flex-col items-center gap-5 py-10 text-center">
            {waiting ? <Confirming slow={slow} /> : <Outcome tenant={tenant} status={status} />}
          </CardContent>
        </Card>
      )}
    </div>
  );
}

function Confirming({ slow }: { slow: boolean }) {
  return (
    <>
      <span className="flex size-14 items-center justify-center rounded-full bg-primary-soft text-primary">
        <Spinner label={null} className="size-6" />
      </span>
      <div className="grid gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Confirming your payment…</h1>
        <p className="text-sm text-muted-foreground">
          {slow
            ? "This is taking longer than usual. You can leave this page: your plan appears under Billing as soon as the payment is confirmed."
            : "This takes a few seconds. Please keep this page open."}
        </p>
      </div>
      <Progress value={null} aria-label="Confirming your payment" className="max-w-xs" />
    </>
  );
}

type OutcomeProps = { tenant: PublicTenant; status: ReturnType<typeof useCheckoutStatus>["status"] };

function Outcome({ tenant, status }: OutcomeProps) {
  const pricing = { to: `/${tenant.slug}/pricing`, label: "See plans" };
  if (!status.data) {
    // No `session_id`, or a session that is not this member's in this organization.
    return (
      <Result icon={CircleAlert} title="We could not find this checkout" links={[pricing]}>
        {status.isError
          ? "It may belong to another account or organization."
          : "This link is missing the checkout it belongs to."}{" "}
        If you paid, your plan is under Billing.
      </Result>
    );
  }
  const data = status.data;
  if (data.state === "complete" && data.kind === "subscription") {
    return (
      <Result
        icon={CircleCheck}
        tone="success"
        title={`You're on ${data.tier.name}`}
        links={[
          { to: `/${tenant.slug}/videos`, label: "Browse videos" },
          { to: `/${tenant.slug}/account/billing`, label: "View billing" },
        ]}
      >
        Thank you for subscribing. Every video of your plan is unlocked now.
      </Result>
    );
  }
  if (data.state === "complete") {
    return (
      <Result
        icon={CircleCheck}
        tone="success"
        title={`${formatTokens(data.tokens)} added`}
        links={[{ to: `/${tenant.slug}/account/tokens`, label: "View tokens" }]}
      >
        Your balance is {formatTokens(data.balance)}.
      </Result>
    );
  }
  const expired = data.state === "expired";
  return (
    <Result
      icon={CircleAlert}
      title={expired ? "This checkout expired" : "Your payment isn't finished"}
      links={[pricing]}
    >
      {expired ? "Nothing was charged. Choose a plan to start again." : "Checkout is still open: nothing was charged."}
    </Result>
  );
}

type ResultProps = {
  icon: LucideIcon;
  tone?: "success" | "neutral";
  title: string;
  children: ReactNode;
  links: { to: string; label: string }[];
};

function Result({ icon: Icon, tone = "neutral", title, children, links }: ResultProps) {
  return (
    <>
      <span
        className={
          tone === "success"
            ? "flex size-14 items-center justify-center rounded-full bg-success-soft text-success-soft-foreground"
            : "flex size-14 items-center justify-center rounded-full bg-muted text-muted-foreground"
        }
      >
        <Icon aria-hidden="true" className="size-7" />
      </span>
      <div className="grid gap-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-muted-foreground">{children}</p>
      </div>
      <div className="flex flex-col justify-center gap-2 sm:flex-row">
        {links.map((link, index) => (
          <Button key={link.to} asChild variant={index === 0 ? "primary" : "outline"}>
            <Link to={link.to}>
              {link.label}
              {index === 0 ? <ArrowRight aria-hidden="true" /> : null}
            </Link>
          </Button>
        ))}
      </div>
    </>
  );
}
