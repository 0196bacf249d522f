import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  PageHeader,
  ROLE_DESCRIPTIONS,
  RoleBadge,
} from "@marquee/ui";
import { ArrowRight, ExternalLink, Users } from "lucide-react";
import { Link } from "react-router";
import { canManageMembers } from "../lib/access";
import { useTenant } from "../lib/tenant-context";

export function TenantOverviewPage() {
  const tenant = useTenant();
  return (
    <div className="grid gap-8">
      <title>{`${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow="Organization"
        title={tenant.name}
        description={`Everything you run for ${tenant.name} lives here.`}
        actions={
          <Button asChild variant="outline">
            {/* The member portal is a separate app: a full page load. */}
            <a href={`/${tenant.slug}`}>
              <ExternalLink aria-hidden="true" />
              View public page
            </a>
          </Button>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardDescription>Your role</CardDescription>
            <CardTitle>
              <RoleBadge role={tenant.role} />
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">{ROLE_DESCRIPTIONS[tenant.role]}.</CardContent>
        </Card>
        {canManageMembers(tenant.role) ? (
          <Card>
            <CardHeader>
              <CardDescription>People</CardDescription>
              <CardTitle className="flex items-center gap-2">
                <Users aria-hidden="true" className="size-4 text-primary" />
                Members
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3">
              <p className="text-sm text-muted-foreground">Change roles or remove people from {tenant.name}.</p>
              <div>
                <Button asChild size="sm">
                  <Link to={`/t/${tenant.slug}/members`}>
                    Manage members
                    <ArrowRight aria-hidden="true" />
                  </Link>
                </Button>
              </div>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
