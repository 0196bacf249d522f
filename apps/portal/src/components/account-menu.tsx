import {
  Avatar,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@marquee/ui";
import { ChevronDown, Coins, CreditCard, LayoutGrid, LogOut, MonitorPlay, UserRound } from "lucide-react";
import { useId } from "react";
import { Link } from "react-router";
import { canOpenConsole } from "../lib/session";
import type { Me, PublicTenant } from "../lib/types";
import { useSignOut } from "../lib/use-sign-out";

type AccountMenuProps = {
  me: Me;
  /** The organization of the page, if any: its members also get their billing and tokens here. */
  tenant: PublicTenant | null;
};

export function AccountMenu({ me, tenant }: AccountMenuProps) {
  const signOut = useSignOut();
  const tenantLabel = useId();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="gap-2 pr-2 pl-1" disabled={signOut.isPending}>
          <Avatar name={me.user.name} className="size-7" />
          <span className="max-w-36 truncate max-sm:sr-only">{me.user.name}</span>
          <ChevronDown aria-hidden="true" className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel>
          <p className="truncate font-medium">{me.user.name}</p>
          <p className="truncate text-xs font-normal text-muted-foreground">{me.user.email}</p>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/">
            <LayoutGrid aria-hidden="true" />
            Your organizations
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link to="/account">
            <UserRound aria-hidden="true" />
            Account
          </Link>
        </DropdownMenuItem>
        {tenant?.viewerRole ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuGroup aria-labelledby={tenantLabel}>
              <DropdownMenuLabel id={tenantLabel} className="truncate text-xs font-normal text-muted-foreground">
                {tenant.name}
              </DropdownMenuLabel>
              <DropdownMenuItem asChild>
                <Link to={`/${tenant.slug}/account/billing`}>
                  <CreditCard aria-hidden="true" />
                  Billing
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem asChild>
                <Link to={`/${tenant.slug}/account/tokens`}>
                  <Coins aria-hidden="true" />
                  Tokens
                </Link>
              </DropdownMenuItem>
            </DropdownMenuGroup>
          </>
        ) : null}
        {canOpenConsole(me) ? (
          <DropdownMenuItem asChild>
            {/* The console is a separate app, so this is a full page load, not a router link. */}
            <a href="/admin/">
              <MonitorPlay aria-hidden="true" />
              Open console
            </a>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOut.mutate()}>
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
