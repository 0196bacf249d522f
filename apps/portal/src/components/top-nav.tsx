import { Button, Logo, Skeleton, withNext } from "@marquee/ui";
import { skipToken } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { Link, useLocation, useParams } from "react-router";
import { useMe } from "../lib/session";
import { trpc } from "../lib/trpc";
import { AccountMenu } from "./account-menu";

export function TopNav() {
  const { tenantSlug } = useParams();
  const location = useLocation();
  const me = useMe();
  const tenant = trpc.tenant.bySlug.useQuery(tenantSlug ? { slug: tenantSlug } : skipToken);
  const onAuthPage = location.pathname === "/sign-in" || location.pathname === "/sign-up";
  const next = onAuthPage ? new URLSearchParams(location.search).get("next") : location.pathname;

  return (
    <header className="sticky top-0 z-30 border-b bg-surface/85 backdrop-blur supports-backdrop-filter:bg-surface/70">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:px-6">
        <Link to="/" className="rounded-md">
          <Logo />
        </Link>
        {tenant.data ? (
          <>
            <ChevronRight aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
            <Link
              to={`/${tenant.data.slug}`}
              aria-current={location.pathname === `/${tenant.data.slug}` ? "page" : undefined}
              className="min-w-0 truncate rounded-md text-sm font-medium hover:text-primary"
            >
              {tenant.data.name}
            </Link>
          </>
        ) : null}
        <div className="ml-auto flex shrink-0 items-center gap-1.5">
          {me.isPending ? (
            <Skeleton className="h-8 w-28" />
          ) : me.data ? (
            <AccountMenu me={me.data} tenant={tenant.data ?? null} />
          ) : (
            <>
              <Button asChild variant="ghost" size="sm">
                <Link to={withNext("/sign-in", next)}>Sign in</Link>
              </Button>
              <Button asChild size="sm">
                <Link to={withNext("/sign-up", next)}>Sign up</Link>
              </Button>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
