import { withNext } from "@marquee/ui";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { TenantJoinPanel } from "./tenant-join";
import { useTenantContext } from "./tenant-layout";

/** A member's own pages (billing, tokens): visitors sign in first and come back here; others join first. */
export function MembersOnly({ children }: { children: ReactNode }) {
  const { tenant, me } = useTenantContext();
  const { pathname, search } = useLocation();
  if (!me) return <Navigate to={withNext("/sign-in", `${pathname}${search}`)} replace />;
  if (!tenant.viewerRole) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
        <title>{`${tenant.name} · Marquee`}</title>
        <TenantJoinPanel tenant={tenant} me={me} />
      </div>
    );
  }
  return children;
}
