import { EmptyState } from "@marquee/ui";
import { ShieldAlert } from "lucide-react";
import { Outlet } from "react-router";
import { canRunLiveClasses } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";

/** `/t/:tenantSlug/live/*`: owners, admins and instructors. */
export function LiveLayout() {
  const tenant = useTenant();
  if (!canRunLiveClasses(tenant.role)) {
    return (
      <EmptyState
        icon={ShieldAlert}
        title="Only instructors and admins run live classes"
        description="Ask an owner of this organization for the instructor role."
      />
    );
  }
  return <Outlet />;
}
