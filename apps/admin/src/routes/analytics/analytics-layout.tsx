import { EmptyState, PageHeader } from "@marquee/ui";
import { ShieldAlert } from "lucide-react";
import { Outlet } from "react-router";
import { canViewAnalytics } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";

/** `/t/:tenantSlug/analytics/*`: owners and admins, as on the server. */
export function AnalyticsLayout() {
  const tenant = useTenant();
  if (!canViewAnalytics(tenant.role)) {
    return (
      <div className="grid gap-6">
        <title>{`Analytics · ${tenant.name} · Marquee Console`}</title>
        <PageHeader eyebrow={tenant.name} title="Analytics" />
        <EmptyState
          icon={ShieldAlert}
          title="Only owners and admins see analytics"
          description="Ask an owner of this organization if you need audience or revenue figures."
        />
      </div>
    );
  }
  return <Outlet />;
}
