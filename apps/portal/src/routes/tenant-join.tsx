import { Button, Card, CardContent, withNext } from "@marquee/ui";
import { UserPlus } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import type { Me, PublicTenant } from "../lib/types";
import { useJoinTenant } from "../lib/use-join-tenant";

function JoinCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="mx-auto max-w-xl">
      <CardContent className="flex flex-col items-center gap-4 py-10 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground">
          <UserPlus aria-hidden="true" className="size-6" />
        </span>
        <h2 className="text-xl font-semibold tracking-tight">{title}</h2>
        {children}
      </CardContent>
    </Card>
  );
}

export function TenantGuestPanel({ tenant }: { tenant: PublicTenant }) {
  const here = `/${tenant.slug}`;
  return (
    <JoinCard title={`Join ${tenant.name} on Marquee`}>
      <p className="max-w-md text-sm text-muted-foreground">
        Create a free account to become a member of {tenant.name}, or sign in if you already have one.
      </p>
      <div className="flex w-full flex-col justify-center gap-2 sm:flex-row">
        <Button asChild>
          <Link to={withNext("/sign-up", here)}>Sign up to join</Link>
        </Button>
        <Button asChild variant="outline">
          <Link to={withNext("/sign-in", here)}>Sign in</Link>
        </Button>
      </div>
    </JoinCard>
  );
}

export function TenantJoinPanel({ tenant, me }: { tenant: PublicTenant; me: Me }) {
  const join = useJoinTenant(tenant);
  return (
    <JoinCard title={`Become a member of ${tenant.name}`}>
      <p className="max-w-md text-sm text-muted-foreground">
        You are signed in as <span className="font-medium text-foreground">{me.user.email}</span>. Joining is free.
      </p>
      <Button size="lg" loading={join.isPending} onClick={() => join.mutate({ slug: tenant.slug })}>
        Join {tenant.name}
      </Button>
    </JoinCard>
  );
}

type SignInOrJoinButtonProps = { tenant: PublicTenant; me: Me | null; action: string };

/** In place of "Subscribe" or "Buy" for someone who is not a member yet: sign in (and come back), or join. */
export function SignInOrJoinButton({ tenant, me, action }: SignInOrJoinButtonProps) {
  const here = useLocation().pathname;
  const join = useJoinTenant(tenant);
  if (!me) {
    return (
      <Button asChild variant="outline" className="w-full">
        <Link to={withNext("/sign-in", here)}>Sign in to {action}</Link>
      </Button>
    );
  }
  return (
    <Button
      variant="outline"
      className="w-full"
      loading={join.isPending}
      onClick={() => join.mutate({ slug: tenant.slug })}
    >
      Join {tenant.name} to {action}
    </Button>
  );
}
