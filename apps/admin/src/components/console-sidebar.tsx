import { type MemberRole, NavItem, NavSection, ROLE_LABELS, Select } from "@marquee/ui";
import {
  Building2,
  CalendarClock,
  ChartLine,
  Clapperboard,
  Crown,
  LayoutGrid,
  type LucideIcon,
  Radio,
  Settings,
  Ticket,
  Users,
} from "lucide-react";
import { NavLink, useLocation, useNavigate, useParams } from "react-router";
import {
  canManageBilling,
  canManageMembers,
  canManageSettings,
  canManageVideos,
  canRunLiveClasses,
  canViewClassAnalytics,
  isStaffRole,
  staffMemberships,
  tenantHomePath,
} from "../lib/access";
import { readLastTenant } from "../lib/last-tenant";
import { useSession } from "../lib/session";

type TenantNavItem = { path: string; label: string; icon: LucideIcon; allowed: (role: MemberRole) => boolean };

// One entry per organization area; new areas (videos, live, tiers...) are added here with their roles.
const tenantNav: TenantNavItem[] = [
  { path: "", label: "Overview", icon: LayoutGrid, allowed: isStaffRole },
  { path: "videos", label: "Videos", icon: Clapperboard, allowed: canManageVideos },
  { path: "live", label: "Live", icon: Radio, allowed: canRunLiveClasses },
  { path: "members", label: "Members", icon: Users, allowed: canManageMembers },
  { path: "tiers", label: "Tiers", icon: Crown, allowed: canManageBilling },
  { path: "token-packs", label: "Token packs", icon: Ticket, allowed: canManageBilling },
  { path: "analytics", label: "Analytics", icon: ChartLine, allowed: canViewClassAnalytics },
  { path: "settings", label: "Settings", icon: Settings, allowed: canManageSettings },
];

export function ConsoleSidebar() {
  const { me } = useSession();
  const { tenantSlug } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const staff = staffMemberships(me);
  const preferred = tenantSlug ?? readLastTenant();
  const selected = staff.find((membership) => membership.slug === preferred) ?? staff[0];

  function switchTenant(slug: string) {
    const target = staff.find((membership) => membership.slug === slug);
    if (!target) return;
    // Stay in the same area (e.g. Members, or Settings → Cloudflare) when the new organization allows it.
    const rest = tenantSlug ? (location.pathname.split(`/t/${tenantSlug}/`)[1] ?? "") : "";
    const area = tenantNav.find((item) => item.path && (rest === item.path || rest.startsWith(`${item.path}/`)));
    const path = area?.allowed(target.role) ? `/t/${slug}/${rest}` : tenantHomePath(target);
    void navigate(path);
  }

  return (
    <nav aria-label="Console" className="grid gap-2">
      {me.user.isPlatformAdmin ? (
        <NavSection title="Platform">
          <NavItem>
            <NavLink to="/platform/tenants">
              <Building2 aria-hidden="true" />
              Tenants
            </NavLink>
          </NavItem>
          <NavItem>
            <NavLink to="/platform/jobs">
              <CalendarClock aria-hidden="true" />
              Jobs
            </NavLink>
          </NavItem>
          <NavItem>
            <NavLink to="/platform/analytics">
              <ChartLine aria-hidden="true" />
              Analytics
            </NavLink>
          </NavItem>
        </NavSection>
      ) : null}
      {selected ? (
        <div className="grid gap-1 py-2">
          <label
            htmlFor="tenant-switcher"
            className="px-2.5 pb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase"
          >
            Organization
          </label>
          <Select
            id="tenant-switcher"
            value={selected.slug}
            onValueChange={switchTenant}
            options={staff.map((membership) => ({
              value: membership.slug,
              label: membership.name,
              description: ROLE_LABELS[membership.role],
            }))}
            className="mb-2 bg-surface"
          />
          <NavSection className="py-0">
            {tenantNav
              .filter((item) => item.allowed(selected.role))
              .map(({ path, label, icon: Icon }) => (
                <NavItem key={label}>
                  {/* Areas with sections (Settings) stay highlighted on their sub-pages. */}
                  <NavLink to={path ? `/t/${selected.slug}/${path}` : `/t/${selected.slug}`} end={!path}>
                    <Icon aria-hidden="true" />
                    {label}
                  </NavLink>
                </NavItem>
              ))}
          </NavSection>
        </div>
      ) : null}
    </nav>
  );
}
