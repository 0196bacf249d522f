import { Button, Skeleton } from "@marquee/ui";
import { type LucideIcon, Ticket } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatPrice } from "../../lib/live-format";
import { trpc } from "../../lib/trpc";
import type { LiveClassView } from "../../lib/types";
import { EnrollAction } from "./enroll-action";

type StagePanelProps = { icon: LucideIcon; title: ReactNode; children?: ReactNode };

/** Where the player goes, while there is nothing to play: what is happening instead. */
export function StagePanel({ icon: Icon, title, children }: StagePanelProps) {
  return (
    <section
      aria-labelledby="stage-heading"
      className="flex min-h-72 items-center justify-center rounded-xl bg-linear-to-br from-primary-soft via-muted to-subtle px-6 py-12 text-center ring-1 ring-border sm:aspect-video"
    >
      <div className="grid max-w-md justify-items-center gap-4">
        <span className="flex size-14 items-center justify-center rounded-full bg-surface text-primary shadow-sm">
          <Icon aria-hidden="true" className="size-6" />
        </span>
        <h2 id="stage-heading" className="text-xl font-semibold tracking-tight text-balance">
          {title}
        </h2>
        {children}
      </div>
    </section>
  );
}

type NotEnrolledProps = { liveClass: LiveClassView; tenantSlug: string; liveHref: string };

export function NotEnrolledPanel({ liveClass, tenantSlug, liveHref }: NotEnrolledProps) {
  const wallet = trpc.wallet.balance.useQuery();
  const over = liveClass.status === "ended";
  return (
    <StagePanel icon={Ticket} title="You're not enrolled in this class">
      <p className="text-sm text-muted-foreground">
        {over
          ? "This class is over: its replay is for the members who enrolled."
          : `Enroll to watch it live and to get the replay afterwards. Price: ${formatPrice(liveClass.priceTokens)}.`}
      </p>
      {over ? null : wallet.isPending ? (
        <Skeleton className="h-16 w-full max-w-64" />
      ) : (
        <div className="w-full max-w-64 text-left">
          <EnrollAction
            liveClass={liveClass}
            balance={wallet.data?.balance ?? null}
            tenantSlug={tenantSlug}
            describedBy="class-title"
          />
        </div>
      )}
      <Button asChild variant="link">
        <Link to={liveHref}>Browse other classes</Link>
      </Button>
    </StagePanel>
  );
}
