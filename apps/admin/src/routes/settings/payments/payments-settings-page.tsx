import { ErrorState } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import { SettingsSkeleton } from "../settings-skeleton";
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
        <SettingsSkeleton label="Loading payment settings" fields={["key", "webhook"]} />
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
