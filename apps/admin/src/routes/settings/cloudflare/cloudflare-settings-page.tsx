import { ErrorState } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import { SettingsSkeleton } from "../settings-skeleton";
import { CloudflareCredentialsForm } from "./cloudflare-credentials-form";
import { CloudflareStatusCard, type TestResult } from "./cloudflare-status-card";
import { LiveNotificationsCard } from "./live-notifications-card";

export function CloudflareSettingsPage() {
  const tenant = useTenant();
  const settings = trpc.settings.cloudflare.get.useQuery();
  const [testResult, setTestResult] = useState<TestResult | null>(null);

  return (
    <section aria-labelledby="cloudflare-heading" className="grid max-w-3xl gap-6">
      <title>{`Cloudflare · Settings · ${tenant.name} · Marquee Console`}</title>
      <div className="grid gap-1">
        <h2 id="cloudflare-heading" className="text-lg font-semibold tracking-tight">
          Cloudflare Stream
        </h2>
        <p className="text-sm text-muted-foreground">
          Videos are uploaded to, stored on and streamed from Cloudflare Stream. Connect your own account to keep them,
          and their bill, in your name.
        </p>
      </div>
      {settings.isPending ? (
        <SettingsSkeleton label="Loading Cloudflare settings" fields={["account", "token", "code"]} />
      ) : settings.isError ? (
        <ErrorState
          message={errorMessage(settings.error)}
          onRetry={() => settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : (
        <>
          <CloudflareStatusCard settings={settings.data} testResult={testResult} onTestResult={setTestResult} />
          <CloudflareCredentialsForm settings={settings.data} onSave={() => setTestResult(null)} />
          {settings.data.own ? <LiveNotificationsCard notifications={settings.data.own.liveNotifications} /> : null}
        </>
      )}
    </section>
  );
}
