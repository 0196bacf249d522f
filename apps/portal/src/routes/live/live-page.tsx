import { Button, EmptyState, ErrorState, PageHeader, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { CalendarClock, Coins } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { formatTokens } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import type { LiveClass } from "../../lib/types";
import { useTenantContext } from "../tenant-layout";
import { MembersOnly } from "../tenant-members-only";
import { type LiveCardKind, LiveClassCard, LiveClassCardSkeleton } from "./live-class-card";

/** Often enough that a class going live shows up without a reload. */
const POLL_MS = 10_000;
const gridClasses = "grid gap-5 sm:grid-cols-2 lg:grid-cols-3";

/** `/:tenantSlug/live`: classes live now, upcoming, and the member's replays. */
export function LivePage() {
  return (
    <MembersOnly>
      <LiveClasses />
    </MembersOnly>
  );
}

function LiveClasses() {
  const { tenant } = useTenantContext();
  const classes = trpc.live.list.useQuery(undefined, { refetchInterval: POLL_MS });
  const wallet = trpc.wallet.balance.useQuery();
  const balance = wallet.data?.balance ?? null;
  const announcement = useGoneLiveAnnouncement(classes.data?.live);
  const tokensHref = `/${tenant.slug}/account/tokens`;

  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 sm:py-10">
      <title>{`Live classes · ${tenant.name}`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Live classes"
        description="Enroll with your tokens, join the class live, and watch the replay afterwards."
        actions={
          wallet.isPending ? (
            <Skeleton className="h-8 w-36" />
          ) : balance !== null ? (
            <Button asChild variant="outline" size="sm">
              <Link to={tokensHref}>
                <Coins aria-hidden="true" />
                Balance: {formatTokens(balance)}
              </Link>
            </Button>
          ) : null
        }
      />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {classes.isPending || wallet.isPending ? (
        <ul aria-label="Loading classes" className={gridClasses}>
          {Array.from({ length: 3 }, (_, index) => (
            <LiveClassCardSkeleton key={index} />
          ))}
        </ul>
      ) : !classes.data ? (
        <ErrorState
          message={errorMessage(classes.error)}
          onRetry={() => classes.refetch()}
          retrying={classes.isFetching}
        />
      ) : (
        <>
          {classes.data.live.length > 0 ? (
            <ClassSection title="Live now">
              <ClassGrid classes={classes.data.live} kind="live" tenantSlug={tenant.slug} balance={balance} />
            </ClassSection>
          ) : null}
          <ClassSection title="Upcoming">
            {classes.data.upcoming.length > 0 ? (
              <ClassGrid classes={classes.data.upcoming} kind="upcoming" tenantSlug={tenant.slug} balance={balance} />
            ) : (
              <EmptyState
                icon={CalendarClock}
                title="No classes scheduled yet"
                description="New classes show up here as soon as they are scheduled."
              />
            )}
          </ClassSection>
          {classes.data.replays.length > 0 ? (
            <ClassSection title="Your replays">
              <ClassGrid classes={classes.data.replays} kind="replay" tenantSlug={tenant.slug} balance={balance} />
            </ClassSection>
          ) : null}
        </>
      )}
    </div>
  );
}

function ClassSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="grid gap-4">
      <h2 id={id} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

type ClassGridProps = { classes: LiveClass[]; kind: LiveCardKind; tenantSlug: string; balance: number | null };

function ClassGrid({ classes, kind, tenantSlug, balance }: ClassGridProps) {
  return (
    <ul className={gridClasses}>
      {classes.map((liveClass) => (
        <LiveClassCard key={liveClass.id} liveClass={liveClass} kind={kind} tenantSlug={tenantSlug} balance={balance} />
      ))}
    </ul>
  );
}

/** "Morning flow is live now.": said once when a class goes live while the page is open. */
function useGoneLiveAnnouncement(live: LiveClass[] | undefined): string {
  const known = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!live) return;
    const previous = known.current;
    known.current = new Set(live.map((liveClass) => liveClass.id));
    if (!previous) return;
    const started = live.filter((liveClass) => !previous.has(liveClass.id));
    if (started.length > 0) setMessage(started.map((liveClass) => `${liveClass.title} is live now.`).join(" "));
  }, [live]);
  return message;
}
