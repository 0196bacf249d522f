import { Card, EmptyState, PageHeader, RoleBadge, Skeleton } from "@marquee/ui";
import { ArrowRight, Building2 } from "lucide-react";
import { Link } from "react-router";
import type { Me } from "../lib/types";

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function Organizations({ me }: { me: Me }) {
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:px-6">
      <title>Your organizations · Marquee</title>
      <PageHeader
        eyebrow={`Hi, ${firstName(me.user.name)}`}
        title="Your organizations"
        description="Pick up where you left off in any organization you belong to."
      />
      {me.memberships.length === 0 ? (
        <EmptyState
          icon={Building2}
          title="You have not joined an organization yet"
          description="Organizations share their Marquee link with their members. Open it and choose Join to see it here."
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {me.memberships.map((membership) => (
            <li key={membership.tenantId}>
              <Card className="group relative flex h-full flex-col gap-4 p-5 transition-shadow hover:shadow-md focus-within:ring-2 focus-within:ring-ring">
                <div className="flex items-start justify-between gap-3">
                  <span
                    aria-hidden="true"
                    className="flex size-11 items-center justify-center rounded-xl bg-linear-to-br from-primary via-rose to-amber text-lg font-semibold text-primary-foreground"
                  >
                    {membership.name.slice(0, 1).toUpperCase()}
                  </span>
                  <RoleBadge role={membership.role} />
                </div>
                <div className="grid gap-0.5">
                  <h2 className="font-semibold">
                    <Link to={`/${membership.slug}`} className="outline-none after:absolute after:inset-0">
                      {membership.name}
                    </Link>
                  </h2>
                  <p className="text-sm text-muted-foreground">/{membership.slug}</p>
                </div>
                <span className="mt-auto inline-flex items-center gap-1 text-sm font-medium text-primary">
                  Open
                  <ArrowRight aria-hidden="true" className="size-4 transition-transform group-hover:translate-x-0.5" />
                </span>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OrganizationsSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:px-6">
      <div className="grid gap-2">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-64" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} className="h-40 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
