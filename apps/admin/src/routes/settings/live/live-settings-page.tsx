import { ErrorState } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import { SettingsSkeleton } from "../settings-skeleton";
import { LiveSettingsForm } from "./live-settings-form";

export function LiveSettingsPage() {
  const tenant = useTenant();
  const settings = trpc.live.settings.useQuery();

  return (
    <section aria-labelledby="live-settings-heading" className="grid max-w-3xl gap-6">
      <title>{`Live · Settings · ${tenant.name} · Marquee Console`}</title>
      <div className="grid gap-1">
        <h2 id="live-settings-heading" className="text-lg font-semibold tracking-tight">
          Live classes
        </h2>
        <p className="text-sm text-muted-foreground">
          How long enrolled members can watch a class's replay, and what becomes of its recording afterwards.
        </p>
      </div>
      {settings.isPending ? (
        <SettingsSkeleton label="Loading live settings" fields={["replay", "catalog", "access"]} />
      ) : settings.isError ? (
        <ErrorState
          message={errorMessage(settings.error)}
          onRetry={() => settings.refetch()}
          retrying={settings.isFetching}
        />
      ) : (
        <LiveSettingsForm settings={settings.data} />
      )}
    </section>
  );
}
