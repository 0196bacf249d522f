import { Button, ErrorState, Skeleton } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { ArrowLeft } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { formatClassDuration, formatClassTime, formatPrice } from "../../lib/live-format";
import { trpc } from "../../lib/trpc";
import type { LiveClassView, LiveWatchState } from "../../lib/types";
import { NotFoundPage } from "../not-found";
import { useTenantContext } from "../tenant-layout";
import { MembersOnly } from "../tenant-members-only";
import { LiveBadge } from "./live-badge";
import { Stage } from "./watch-stage";

const POLL_MS = 5_000;
/** States that change by themselves (the class starts, ends, its recording becomes ready). */
const CHANGING: readonly LiveWatchState[] = ["scheduled", "live", "replay_processing"];

/** `/:tenantSlug/live/:classId`: the class, live or as a replay, or why it cannot be watched. */
export function LiveWatchPage() {
  return (
    <MembersOnly>
      <ClassWatch />
    </MembersOnly>
  );
}

function ClassWatch() {
  const { tenant } = useTenantContext();
  const { classId = "" } = useParams();
  const watch = trpc.live.watch.useQuery(
    { id: classId },
    {
      refetchInterval: (query) => (query.state.data && CHANGING.includes(query.state.data.state) ? POLL_MS : false),
      // Each fetch signs new URLs; a playing replay must not be reloaded by a refocus.
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 0,
      refetchOnWindowFocus: false,
    },
  );
  const announcement = useStateAnnouncement(watch.data?.state);
  const liveHref = `/${tenant.slug}/live`;

  if (watch.isPending) return <WatchSkeleton />;
  if (!watch.data) {
    const code = errorCode(watch.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return (
        <NotFoundPage
          title="Class not found"
          message="This class does not exist, or it was removed."
          back={{ to: liveHref, label: "Browse classes" }}
        />
      );
    }
    return (
      <div className="mx-auto max-w-lg px-4 py-20">
        <ErrorState message={errorMessage(watch.error)} onRetry={() => watch.refetch()} retrying={watch.isFetching} />
      </div>
    );
  }

  const data = watch.data;
  return (
    <div className="mx-auto grid max-w-5xl gap-5 px-4 py-6 sm:px-6 sm:py-8">
      <title>{`${data.class.title} · ${tenant.name}`}</title>
      <Button asChild variant="link" className="h-auto w-fit px-0 text-muted-foreground hover:text-foreground">
        <Link to={liveHref}>
          <ArrowLeft aria-hidden="true" />
          All classes
        </Link>
      </Button>
      <ClassHeading liveClass={data.class} live={data.state === "live"} />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <Stage watch={data} tenantSlug={tenant.slug} liveHref={liveHref} onStaleUrl={() => void watch.refetch()} />
      {data.class.description ? (
        <p className="max-w-3xl whitespace-pre-line text-pretty">{data.class.description}</p>
      ) : null}
    </div>
  );
}

function ClassHeading({ liveClass, live }: { liveClass: LiveClassView; live: boolean }) {
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="class-title" className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">
          {liveClass.title}
        </h1>
        {live ? <LiveBadge /> : null}
      </div>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
        <span>With {liveClass.instructorName}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={liveClass.scheduledStart.toISOString()}>{formatClassTime(liveClass.scheduledStart)}</time>
        <span aria-hidden="true">·</span>
        <span>{formatClassDuration(liveClass.durationMinutes)}</span>
        <span aria-hidden="true">·</span>
        <span>{formatPrice(liveClass.priceTokens)}</span>
      </p>
    </div>
  );
}

const ANNOUNCEMENTS: Partial<Record<LiveWatchState, string>> = {
  live: "The class is live.",
  replay_processing: "The class has ended. The replay is being prepared.",
  replay: "The replay is ready.",
  replay_expired: "The replay of this class has expired.",
  cancelled: "This class was cancelled.",
};

/** Says what changed while the page is open (the class starts, ends), not what it was on arrival. */
function useStateAnnouncement(state: LiveWatchState | undefined): string {
  const previous = useRef(state);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (state && previous.current && state !== previous.current) setMessage(ANNOUNCEMENTS[state] ?? "");
    previous.current = state;
  }, [state]);
  return message;
}

function WatchSkeleton() {
  return (
    <div role="status" aria-label="Loading class" className="mx-auto grid max-w-5xl gap-5 px-4 py-6 sm:px-6 sm:py-8">
      <Skeleton className="h-5 w-32" />
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-4 w-1/2" />
      <Skeleton className="aspect-video rounded-xl" />
    </div>
  );
}
