import { ErrorState, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import { BillingPolicyCard } from "./billing-policy-card";
import { PaymentsStatusCard, type PaymentsTest } from "./payments-status-card";
import { StripeCredentialsForm } from "./stripe-credentials-form";

export function PaymentsSettingsPage() {
  const tenant = useTenant();
  const settings = trpc.settings.payments.get.useQuery();
  const [testResult, setTestResult] = useState<PaymentsTest | null>(null);

  return (
    <section aria-labelledby="payments-heading" className="grid max-w-3xl gap-6">
      <title>{`Payments · Settings · ${tenant.name} · Marquee Console`}</title>
      <div className="grid gap-1">
        <h2 id="payments-heading" className="text-lg font-semibold tracking-tight">
          Stripe
        </h2>
        <p className="text-sm text-muted-foreground">
          Members pay for tiers and token packs through Stripe Checkout. Connect your own account so payments, and
          Stripe's fees, are in your name.
        </p>
      </div>
      {settings.isPending ? (
        <PaymentsSettingsSkeleton />
      ) : settings.isError ? (
        <ErrorState
          message={errorMessage(settings.error)}
          onRetry={() => settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : (
        <>
          <PaymentsStatusCard settings={settings.data} testResult={testResult} onTestResult={setTestResult} />
          <StripeCredentialsForm settings={settings.data} onSave={() => setTestResult(null)} />
          <BillingPolicyCard settings={settings.data} />
        </>
      )}
    </section>
  );
}

function PaymentsSettingsSkeleton() {
  return (
    <div role="status" aria-label="Loading payment settings" className="grid gap-6">
      <div className="grid gap-4 rounded-xl border bg-surface p-5 shadow-xs sm:p-6">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-5 w-3/4" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      </div>
      <div className="grid gap-5 rounded-xl border bg-surface p-5 shadow-xs sm:p-6">
        <Skeleton className="h-5 w-48" />
        {["key", "webhook"].map((key) => (
          <div key={key} className="grid gap-2">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-9" />
          </div>
        ))}
      </div>
    </div>
  );
}
