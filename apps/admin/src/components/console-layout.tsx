import { AppShell, ErrorState, Logo, PageSpinner } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { canEnterConsole } from "../lib/access";
import { SessionProvider } from "../lib/session";
import { trpc } from "../lib/trpc";
import { ConsoleSidebar } from "./console-sidebar";
import { UserMenu } from "./user-menu";

/**
 * Every console page renders inside this guard: visitors go to sign-in and come back,
 * signed-in users without a staff role are sent to sign-in with an explanation.
 */
export function ConsoleLayout() {
  const location = useLocation();
  const me = trpc.me.useQuery(undefined, { staleTime: 60_000 });

  if (me.isPending) {
    return (
      <div className="grid min-h-dvh place-items-center">
        <PageSpinner label="Loading the console" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="mx-auto max-w-lg px-4 py-24">
        <ErrorState message={errorMessage(me.error)} onRetry={() => me.refetch()} retrying={me.isFetching} />
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!canEnterConsole(me.data)) return <Navigate to="/sign-in?reason=forbidden" replace />;

  return (
    <SessionProvider value={{ me: me.data, refresh: () => me.refetch() }}>
      <AppShell
        brand={
          <Link to="/" className="rounded-md">
            <Logo product="Console" />
          </Link>
        }
        sidebar={<ConsoleSidebar />}
        sidebarFooter={<UserMenu me={me.data} />}
      >
        <Outlet />
      </AppShell>
    </SessionProvider>
  );
}
