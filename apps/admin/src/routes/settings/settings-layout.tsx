import { EmptyState, PageHeader } from "@marquee/ui";
import { ShieldAlert } from "lucide-react";
import { Outlet } from "react-router";
import { canManageSettings } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";
import { SettingsNav } from "./settings-nav";

/** `/t/:tenantSlug/settings/*`: one header and section tabs, each section a child route. */
export function SettingsLayout() {
  const tenant = useTenant();
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={tenant.name}
        title="Settings"
        description={`The services ${tenant.name} runs on, and how it connects to them.`}
      />
      {canManageSettings(tenant.role) ? (
        <>
          <SettingsNav />
          <Outlet />
        </>
      ) : (
        <>
          <title>{`Settings · ${tenant.name} · Marquee Console`}</title>
          <EmptyState
            icon={ShieldAlert}
            title="Only owners and admins change settings"
            description="Ask an owner of this organization if something here needs to change."
          />
        </>
      )}
    </div>
  );
}
