import { Button, cn, focusRing, Skeleton } from "@marquee/ui";
import { CircleCheck, Clock, Coins, Play, Radio, UserRound } from "lucide-react";
import { type ReactNode, useId } from "react";
import { Link } from "react-router";
import { formatClassDuration, formatClassTime, formatPrice } from "../../lib/live-format";
import type { LiveClass } from "../../lib/types";
import { CalendarButton } from "./calendar-button";
import { Countdown } from "./countdown";
import { EnrollAction } from "./enroll-action";
import { LiveBadge } from "./live-badge";

export type LiveCardKind = "live" | "upcoming" | "replay";

type LiveClassCardProps = { liveClass: LiveClass; kind: LiveCardKind; tenantSlug: string; balance: number | null };

export function LiveClassCard({ liveClass, kind, tenantSlug, balance }: LiveClassCardProps) {
  const titleId = `${useId()}-title`;
  const href = `/${tenantSlug}/live/${liveClass.id}`;
  // Staff may watch every class without a seat.
  const seated = liveClass.enrolled || liveClass.canWatch;

  return (
    <li>
      <article aria-labelledby={titleId} className="flex h-full flex-col overflow-hidden rounded-xl border bg-surface">
        <div className="relative aspect-video bg-muted">
          {liveClass.thumbnailUrl ? (
            <img
              src={liveClass.thumbnailUrl}
              alt=""
              loading="lazy"
              decoding="async"
              className="size-full object-cover"
            />
          ) : (
            <div
              aria-hidden="true"
              className="flex size-full items-center justify-center bg-linear-to-br from-primary-soft via-muted to-subtle text-primary-soft-foreground/60"
            >
              <Radio className="size-9" />
            </div>
          )}
          {kind === "live" ? <LiveBadge className="absolute top-2 left-2 bg-surface shadow-sm" /> : null}
        </div>
        <div className="flex flex-1 flex-col gap-4 p-4">
          <div className="grid gap-2">
            <h3 id={titleId} className="font-semibold leading-snug">
              <Link to={href} className={cn("rounded-sm hover:text-primary", focusRing)}>
                {liveClass.title}
              </Link>
            </h3>
            <ClassFacts liveClass={liveClass} />
          </div>
          <div className="mt-auto grid gap-3">
            {kind === "replay" ? (
              <WatchLink href={href} describedBy={titleId} />
            ) : seated ? (
              <>
                <p className="flex items-center gap-1.5 text-sm font-medium text-success-soft-foreground">
                  <CircleCheck aria-hidden="true" className="size-4" />
                  {liveClass.enrolled ? "You're enrolled" : "You can watch as staff"}
                </p>
                {kind === "upcoming" ? <Countdown start={liveClass.scheduledStart} className="text-sm" /> : null}
                <div className="flex flex-wrap gap-2">
                  {kind === "live" ? <WatchLink href={href} describedBy={titleId} /> : null}
                  <CalendarButton classId={liveClass.id} describedBy={titleId} />
                </div>
              </>
            ) : (
              <EnrollAction liveClass={liveClass} balance={balance} tenantSlug={tenantSlug} describedBy={titleId} />
            )}
          </div>
        </div>
      </article>
    </li>
  );
}

function WatchLink({ href, describedBy }: { href: string; describedBy: string }) {
  return (
    <Button asChild size="sm" className="w-fit">
      <Link to={href} aria-describedby={describedBy}>
        <Play aria-hidden="true" />
        Watch
      </Link>
    </Button>
  );
}

function ClassFacts({ liveClass }: { liveClass: LiveClass }) {
  return (
    <dl className="grid gap-1 text-sm text-muted-foreground">
      <Fact term="Instructor" icon={<UserRound aria-hidden="true" className="size-4" />}>
        {liveClass.instructorName}
      </Fact>
      <Fact term="Time" icon={<Clock aria-hidden="true" className="size-4" />}>
        <time dateTime={liveClass.scheduledStart.toISOString()}>{formatClassTime(liveClass.scheduledStart)}</time>
        {" · "}
        {formatClassDuration(liveClass.durationMinutes)}
      </Fact>
      <Fact term="Price" icon={<Coins aria-hidden="true" className="size-4" />}>
        {formatPrice(liveClass.priceTokens)}
      </Fact>
    </dl>
  );
}

function Fact({ term, icon, children }: { term: string; icon: ReactNode; children: ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <dt className="mt-0.5 shrink-0">
        {icon}
        <span className="sr-only">{term}</span>
      </dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

export function LiveClassCardSkeleton() {
  return (
    <li className="overflow-hidden rounded-xl border bg-surface">
      <Skeleton className="aspect-video rounded-none" />
      <div className="grid gap-2 p-4">
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-4 w-1/2" />
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="mt-3 h-9 w-full" />
      </div>
    </li>
  );
}
