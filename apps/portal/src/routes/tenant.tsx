import { ErrorState, RoleBadge, Skeleton } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { useParams } from "react-router";
import { useMe } from "../lib/session";
import { trpc } from "../lib/trpc";
import type { PublicTenant } from "../lib/types";
import { NotFoundPage } from "./not-found";
import { TenantGuestPanel, TenantJoinPanel } from "./tenant-join";
import { TenantMemberHome } from "./tenant-member-home";

export function TenantPage() {
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

  const data = tenant.data;
  return (
    <>
      <title>{`${data.name} · Marquee`}</title>
      <TenantHero tenant={data} />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
        {!me.data ? (
          <TenantGuestPanel tenant={data} />
        ) : data.viewerRole ? (
          <TenantMemberHome tenant={data} role={data.viewerRole} me={me.data} />
        ) : (
          <TenantJoinPanel tenant={data} me={me.data} />
        )}
      </div>
    </>
  );
}

function TenantHero({ tenant }: { tenant: PublicTenant }) {
  return (
    <section className="relative isolate border-b bg-surface">
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[radial-gradient(ellipse_at_top_left,var(--color-primary-soft),transparent_60%)]"
      />
      <div className="mx-auto flex max-w-6xl flex-col gap-5 px-4 py-10 sm:flex-row sm:items-center sm:px-6 sm:py-14">
        <span
          aria-hidden="true"
          className="flex size-16 shrink-0 items-center justify-center rounded-2xl bg-linear-to-br from-primary via-rose to-amber text-2xl font-semibold text-primary-foreground shadow-md"
        >
          {tenant.name.slice(0, 1).toUpperCase()}
        </span>
        <div className="grid gap-1.5">
          <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{tenant.name}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <span>marquee / {tenant.slug}</span>
            {tenant.viewerRole ? <RoleBadge role={tenant.viewerRole} /> : null}
          </div>
        </div>
      </div>
    </section>
  );
}

function TenantSkeleton() {
  return (
    <div role="status" aria-label="Loading">
      <div className="border-b bg-surface">
        <div className="mx-auto flex max-w-6xl items-center gap-5 px-4 py-10 sm:px-6 sm:py-14">
          <Skeleton className="size-16 rounded-2xl" />
          <div className="grid gap-2">
            <Skeleton className="h-9 w-56" />
            <Skeleton className="h-4 w-32" />
          </div>
        </div>
      </div>
      <div className="mx-auto grid max-w-6xl gap-4 px-4 py-10 sm:grid-cols-2 sm:px-6">
        <Skeleton className="h-40 rounded-xl" />
        <Skeleton className="h-40 rounded-xl" />
      </div>
    </div>
  );
}
