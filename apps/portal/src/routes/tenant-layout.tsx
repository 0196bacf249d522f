import { cn, ErrorState, focusRing, Skeleton } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { NavLink, Outlet, useOutletContext, useParams } from "react-router";
import { useMe } from "../lib/session";
import { trpc } from "../lib/trpc";
import type { Me, PublicTenant } from "../lib/types";
import { NotFoundPage } from "./not-found";

/** What every page of an organization gets from the layout, loaded once. */
export type TenantContext = { tenant: PublicTenant; me: Me | null };

export function useTenantContext() {
  return useOutletContext<TenantContext>();
}

/** An organization's pages: its profile and viewer are loaded here, and its navigation shown. */
export function TenantLayout() {
  const { tenantSlug = "" } = useParams();
  const tenant = trpc.tenant.bySlug.useQuery({ slug: tenantSlug });
  const me = useMe();

  if (tenant.isPending || me.isPending) return <TenantSkeleton />;
  if (tenant.isError && errorCode(tenant.error) === "NOT_FOUND") {
    return (
      <NotFoundPage
        title="Organization not found"
        message="There is no organization at this address. Check the link you were given."
      />
    );
  }
  const failed = tenant.error ?? me.error;
  if (failed || !tenant.data) {
    const retry = () => Promise.all([tenant.refetch(), me.refetch()]);
    return (
      <div className="mx-auto max-w-lg px-4 py-20">
        <ErrorState message={errorMessage(failed)} onRetry={retry} retrying={tenant.isFetching || me.isFetching} />
      </div>
    );
  }
  const context: TenantContext = { tenant: tenant.data, me: me.data ?? null };
  return (
    <>
      <TenantNav tenant={tenant.data} />
      <Outlet context={context} />
    </>
  );
}

const tabClasses = cn(
  "relative -mb-px inline-flex h-11 items-center rounded-t-md border-b-2 border-transparent px-3 text-sm font-medium",
  "text-muted-foreground transition-colors hover:text-foreground aria-[current=page]:border-primary aria-[current=page]:text-foreground",
  focusRing,
);

function TenantNav({ tenant }: { tenant: PublicTenant }) {
  return (
    <div className="border-b bg-surface">
      <nav aria-label={tenant.name} className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-1 sm:px-3">
        <NavLink end to={`/${tenant.slug}`} className={tabClasses}>
          Home
        </NavLink>
        <NavLink to={`/${tenant.slug}/videos`} className={tabClasses}>
          Videos
        </NavLink>
        {tenant.viewerRole ? (
          <NavLink to={`/${tenant.slug}/live`} className={tabClasses}>
            Live
          </NavLink>
        ) : null}
        <NavLink to={`/${tenant.slug}/pricing`} className={tabClasses}>
          Pricing
        </NavLink>
        {tenant.viewerRole ? (
          <NavLink to={`/${tenant.slug}/account`} className={tabClasses}>
            Membership
          </NavLink>
        ) : null}
      </nav>
    </div>
  );
}

function TenantSkeleton() {
  return (
    <div role="status" aria-label="Loading">
      <div className="border-b bg-surface">
        <div className="mx-auto flex h-11 max-w-6xl items-center gap-4 px-4 sm:px-6">
          <Skeleton className="h-4 w-12" />
          <Skeleton className="h-4 w-14" />
          <Skeleton className="h-4 w-14" />
        </div>
      </div>
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 sm:px-6">
        <Skeleton className="h-9 w-56" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Skeleton className="h-40 rounded-xl" />
          <Skeleton className="h-40 rounded-xl" />
          <Skeleton className="h-40 rounded-xl" />
        </div>
      </div>
    </div>
  );
}
