import { RoleBadge } from "@marquee/ui";
import type { PublicTenant } from "../lib/types";
import { TenantGuestPanel, TenantJoinPanel } from "./tenant-join";
import { useTenantContext } from "./tenant-layout";
import { TenantMemberHome } from "./tenant-member-home";

export function TenantPage() {
  const { tenant, me } = useTenantContext();
  return (
    <>
      <title>{`${tenant.name} · Marquee`}</title>
      <TenantHero tenant={tenant} />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
        {!me ? (
          <TenantGuestPanel tenant={tenant} />
        ) : tenant.viewerRole ? (
          <TenantMemberHome tenant={tenant} role={tenant.viewerRole} me={me} />
        ) : (
          <TenantJoinPanel tenant={tenant} me={me} />
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
