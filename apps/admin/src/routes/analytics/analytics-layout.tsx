import { EmptyState, PageHeader } from "@marquee/ui";
import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Outlet } from "react-router";
import { canViewAnalytics, canViewClassAnalytics } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";

/**
 * `/t/:tenantSlug/analytics/*`: every staff role, as on the server. Instructors see the
 * classes they teach; the organization's own figures are for owners and admins.
 */
export function AnalyticsLayout() {
  const tenant = useTenant();
  if (!canViewClassAnalytics(tenant.role)) return <NoTenantFigures />;
  return <Outlet />;
}

/** Wraps a page of organization-wide figures (a video's audience), which instructors are refused. */
export function TenantFiguresOnly({ children }: { children: ReactNode }) {
  const tenant = useTenant();
  return canViewAnalytics(tenant.role) ? children : <NoTenantFigures />;
}

function NoTenantFigures() {
  const tenant = useTenant();
  return (
    <div className="grid gap-6">
      <title>{`Analytics · ${tenant.name} · Marquee Console`}</title>
      <PageHeader eyebrow={tenant.name} title="Analytics" />
      <EmptyState
        icon={ShieldAlert}
        title="Only owners and admins see these figures"
        description="Ask an owner of this organization if you need audience or revenue figures."
      />
    </div>
  );
}
