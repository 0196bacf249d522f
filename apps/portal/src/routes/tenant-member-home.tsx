import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  type MemberRole,
  ROLE_DESCRIPTIONS,
  RoleBadge,
} from "@marquee/ui";
import { ArrowRight, Clapperboard, MonitorPlay, UserRound } from "lucide-react";
import { Link } from "react-router";
import type { Me, PublicTenant } from "../lib/types";

type TenantMemberHomeProps = { tenant: PublicTenant; role: MemberRole; me: Me };

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** Where the console takes each staff role first; members have no console. */
function consolePath(tenant: PublicTenant, role: MemberRole): string | null {
  if (role === "owner" || role === "admin") return `/admin/t/${tenant.slug}/members`;
  if (role === "instructor") return "/admin/";
  return null;
}

export function TenantMemberHome({ tenant, role, me }: TenantMemberHomeProps) {
  const consoleHref = consolePath(tenant, role);
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h2 className="text-2xl font-semibold tracking-tight">Welcome, {firstName(me.user.name)}</h2>
        <p className="text-muted-foreground">You are part of {tenant.name}.</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardDescription>Your role</CardDescription>
            <CardTitle className="flex items-center gap-2 text-lg">
              <RoleBadge role={role} />
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">{ROLE_DESCRIPTIONS[role]}.</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Watch</CardDescription>
            <CardTitle className="flex items-center gap-2 text-lg">
              <Clapperboard aria-hidden="true" className="size-5 text-primary" />
              Videos
            </CardTitle>
          </CardHeader>
          <CardContent>
            <Button asChild variant="outline" size="sm">
              <Link to={`/${tenant.slug}/videos`}>
                Browse videos
                <ArrowRight aria-hidden="true" />
              </Link>
            </Button>
          </CardContent>
        </Card>
        {consoleHref ? (
          <Card>
            <CardHeader>
              <CardDescription>Run {tenant.name}</CardDescription>
              <CardTitle className="flex items-center gap-2 text-lg">
                <MonitorPlay aria-hidden="true" className="size-5 text-primary" />
                Console
              </CardTitle>
            </CardHeader>
            <CardContent>
              <Button asChild variant="outline" size="sm">
                {/* A separate app: a full page load, not a router link. */}
                <a href={consoleHref}>
                  Open the console
                  <ArrowRight aria-hidden="true" />
                </a>
              </Button>
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardDescription>Signed in as</CardDescription>
            <CardTitle className="flex items-center gap-2 truncate text-lg">
              <UserRound aria-hidden="true" className="size-5 shrink-0 text-primary" />
              <span className="truncate">{me.user.email}</span>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <Button asChild variant="outline" size="sm">
              <Link to="/account">Account settings</Link>
            </Button>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
