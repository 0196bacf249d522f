import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Slot } from "@radix-ui/react-slot";
import { Menu, X } from "lucide-react";
import { type MouseEvent, type ReactElement, type ReactNode, useState } from "react";
import { cn } from "../lib/cn";
import { focusRing } from "../lib/focus-ring";
import { Button } from "./button";

type AppShellProps = {
  brand: ReactNode;
  /** Navigation: NavSection and NavItem elements. */
  sidebar: ReactNode;
  /** Pinned to the bottom of the sidebar, typically the account menu. */
  sidebarFooter?: ReactNode;
  children: ReactNode;
};

/**
 * Sidebar layout for the console. Below `lg` the sidebar moves into a sheet opened from
 * the top bar; following any link in it closes the sheet, whatever router the app uses.
 */
export function AppShell({ brand, sidebar, sidebarFooter, children }: AppShellProps) {
  const [open, setOpen] = useState(false);
  const closeOnLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest("a")) setOpen(false);
  };
  const panel = (
    <>
      <div className="flex h-14 shrink-0 items-center px-5">{brand}</div>
      <div className="flex-1 overflow-y-auto px-3 py-2">{sidebar}</div>
      {sidebarFooter ? <div className="shrink-0 border-t p-3">{sidebarFooter}</div> : null}
    </>
  );

  return (
    <div className="min-h-dvh bg-background">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col border-r bg-sidebar lg:flex">{panel}</aside>
      <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
        <header className="sticky top-0 z-20 flex h-14 items-center justify-between border-b bg-surface/85 px-4 backdrop-blur lg:hidden">
          {brand}
          <DialogPrimitive.Trigger asChild>
            <Button variant="ghost" size="icon" aria-label="Open navigation">
              <Menu aria-hidden="true" />
            </Button>
          </DialogPrimitive.Trigger>
        </header>
        <DialogPrimitive.Portal>
          <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-overlay animate-fade-in lg:hidden" />
          <DialogPrimitive.Content
            aria-describedby={undefined}
            onClick={closeOnLink}
            className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r bg-sidebar shadow-2xl outline-none animate-slide-in-left lg:hidden"
          >
            <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
            {panel}
            <DialogPrimitive.Close
              className={cn(
                "absolute top-3.5 right-3 cursor-pointer rounded-md p-1 text-muted-foreground hover:bg-subtle",
                focusRing,
              )}
            >
              <X aria-hidden="true" className="size-5" />
              <span className="sr-only">Close navigation</span>
            </DialogPrimitive.Close>
          </DialogPrimitive.Content>
        </DialogPrimitive.Portal>
      </DialogPrimitive.Root>
      <main id="main" tabIndex={-1} className="outline-none lg:pl-64">
        <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 sm:py-8 lg:px-10">{children}</div>
      </main>
    </div>
  );
}

export function NavSection({
  title,
  children,
  className,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("grid gap-1 py-2", className)}>
      {title ? (
        <p className="px-2.5 pb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</p>
      ) : null}
      <ul className="grid gap-0.5">{children}</ul>
    </div>
  );
}

/** Wraps the app's link element; the active link is the one with aria-current="page". */
export function NavItem({ children }: { children: ReactElement }) {
  return (
    <li>
      <Slot
        className={cn(
          "flex h-9 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-subtle hover:text-foreground [&_svg]:size-4 [&_svg]:shrink-0",
          "aria-[current=page]:bg-primary-soft aria-[current=page]:text-primary-soft-foreground",
          focusRing,
        )}
      >
        {children}
      </Slot>
    </li>
  );
}
