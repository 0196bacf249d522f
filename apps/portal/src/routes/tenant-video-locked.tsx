import { Button, withNext } from "@marquee/ui";
import { ArrowRight, Lock } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import type { PlaybackDenied, PublicTenant } from "../lib/types";
import { useJoinTenant } from "../lib/use-join-tenant";

type LockedVideoProps = { denied: PlaybackDenied; tenant: PublicTenant };

/** In place of the player when the viewer may not watch: what the video needs, and the way there. */
export function LockedVideo({ denied, tenant }: LockedVideoProps) {
  const { unlock } = denied;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{denied.video.title}</h1>
      <section
        aria-labelledby="unlock-heading"
        className="flex min-h-80 items-center justify-center rounded-xl bg-linear-to-br from-primary-soft via-muted to-subtle px-6 py-12 text-center ring-1 ring-border sm:aspect-video"
      >
        <div className="grid max-w-md justify-items-center gap-4">
          <span className="flex size-14 items-center justify-center rounded-full bg-surface text-primary shadow-sm">
            <Lock aria-hidden="true" className="size-6" />
          </span>
          {unlock.kind === "signIn" ? (
            <SignInToWatch tenant={tenant} />
          ) : unlock.kind === "join" ? (
            <JoinToWatch tenant={tenant} />
          ) : (
            <UpgradeToWatch tenant={tenant} tier={unlock.tier} />
          )}
        </div>
      </section>
    </>
  );
}

function SignInToWatch({ tenant }: { tenant: PublicTenant }) {
  const here = useLocation().pathname;
  return (
    <Prompt
      title="Sign in to watch"
      message={`This video is for members of ${tenant.name}. Sign in, or create a free account and join.`}
    >
      <Button asChild>
        <Link to={withNext("/sign-in", here)}>Sign in</Link>
      </Button>
      <Button asChild variant="outline">
        <Link to={withNext("/sign-up", here)}>Create an account</Link>
      </Button>
    </Prompt>
  );
}

function JoinToWatch({ tenant }: { tenant: PublicTenant }) {
  const join = useJoinTenant(tenant);
  return (
    <Prompt title={`Join ${tenant.name} to watch`} message="This video is for members. Joining is free.">
      <Button loading={join.isPending} onClick={() => join.mutate({ slug: tenant.slug })}>
        Join {tenant.name}
      </Button>
    </Prompt>
  );
}

type UpgradeToWatchProps = { tenant: PublicTenant; tier: { name: string } | null };

function UpgradeToWatch({ tenant, tier }: UpgradeToWatchProps) {
  return (
    <Prompt
      title={tier ? `Upgrade to ${tier.name} to watch` : "Upgrade to watch"}
      message={
        tier
          ? `This video comes with the ${tier.name} plan and the plans above it.`
          : `Your membership of ${tenant.name} does not include this video yet.`
      }
    >
      <Button asChild>
        <Link to={`/${tenant.slug}/pricing`}>
          See plans
          <ArrowRight aria-hidden="true" />
        </Link>
      </Button>
    </Prompt>
  );
}

function Prompt({ title, message, children }: { title: string; message: string; children: ReactNode }) {
  return (
    <>
      <div className="grid gap-1.5">
        <h2 id="unlock-heading" className="text-xl font-semibold tracking-tight">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{message}</p>
      </div>
      <div className="flex flex-col justify-center gap-2 sm:flex-row">{children}</div>
    </>
  );
}
