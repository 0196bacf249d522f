import { Button, EmptyState } from "@marquee/ui";
import { ShieldAlert } from "lucide-react";
import { useEffect } from "react";
import { Link, Outlet, useParams } from "react-router";
import { isStaffRole } from "../lib/access";
import { rememberTenant } from "../lib/last-tenant";
import { useSession } from "../lib/session";
import { TenantProvider } from "../lib/tenant-context";
import { TenantTRPCProvider } from "../lib/trpc";

export function TenantLayout() {
  const { tenantSlug = "" } = useParams();
  const { me } = useSession();
  const membership = me.memberships.find((candidate) => candidate.slug === tenantSlug && isStaffRole(candidate.role));

  useEffect(() => {
    if (membership) rememberTenant(membership.slug);
  }, [membership]);

  if (!membership) {
    return (
      <EmptyState
        icon={ShieldAlert}
        title="You can't manage this organization"
        description="It does not exist, or you are not one of its owners, admins or instructors."
        action={
          <Button asChild variant="outline">
            <Link to="/">Back to the console</Link>
          </Button>
        }
      />
    );
  }
  return (
    <TenantProvider value={membership}>
      <TenantTRPCProvider key={membership.slug} tenantSlug={membership.slug}>
        <Outlet />
      </TenantTRPCProvider>
    </TenantProvider>
  );
}
