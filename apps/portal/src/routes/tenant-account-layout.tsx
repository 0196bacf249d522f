import { Button, cn, focusRing, PageHeader } from "@marquee/ui";
import { Coins, CreditCard, type LucideIcon, UserRound } from "lucide-react";
import { Link, NavLink, Outlet } from "react-router";
import { useTenantContext } from "./tenant-layout";
import { MembersOnly } from "./tenant-members-only";

type AccountSection = { path: string; label: string; icon: LucideIcon };

const sections: AccountSection[] = [
  { path: "billing", label: "Billing", icon: CreditCard },
  { path: "tokens", label: "Tokens", icon: Coins },
];

/** `/:tenantSlug/account/*`: a member's plan and tokens in one organization, one tab per section. */
export function TenantAccountLayout() {
  const context = useTenantContext();
  const { tenant } = context;
  return (
    <MembersOnly>
      <div className="mx-auto grid max-w-4xl gap-6 px-4 py-8 sm:px-6 sm:py-10">
        <PageHeader
          eyebrow={tenant.name}
          title="Your membership"
          description={`Your plan and tokens at ${tenant.name}.`}
          actions={
            <Button asChild variant="outline" size="sm">
              <Link to="/account">
                <UserRound aria-hidden="true" />
                Profile and password
              </Link>
            </Button>
          }
        />
        <nav aria-label="Membership sections" className="overflow-x-auto border-b">
          <ul className="flex gap-1">
            {sections.map(({ path, label, icon: Icon }) => (
              <li key={path}>
                <NavLink
                  to={path}
                  className={cn(
                    "-mb-px flex h-10 items-center gap-2 rounded-t-md border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground",
                    "aria-[current=page]:border-primary aria-[current=page]:text-foreground",
                    focusRing,
                  )}
                >
                  <Icon aria-hidden="true" className="size-4" />
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <Outlet context={context} />
      </div>
    </MembersOnly>
  );
}
