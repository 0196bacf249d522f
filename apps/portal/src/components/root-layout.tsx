import { Logo } from "@marquee/ui";
import { Link, Outlet, ScrollRestoration } from "react-router";
import { TopNav } from "./top-nav";

export function RootLayout() {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <TopNav />
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <Outlet />
      </main>
      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <Link to="/" className="w-fit rounded-md">
            <Logo className="text-foreground" />
          </Link>
          <p>Video memberships for studios, schools and creators.</p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
