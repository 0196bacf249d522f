import { Navigate } from "react-router";
import { staffMemberships, tenantHomePath } from "../lib/access";
import { readLastTenant } from "../lib/last-tenant";
import { useSession } from "../lib/session";

/** `/admin/` has no page of its own: it opens where this user works. */
export function ConsoleHome() {
  const { me } = useSession();
  const staff = staffMemberships(me);
  const last = staff.find((membership) => membership.slug === readLastTenant());
  const tenant = last ?? (me.user.isPlatformAdmin ? undefined : staff[0]);
  return <Navigate to={tenant ? tenantHomePath(tenant) : "/platform/tenants"} replace />;
}
