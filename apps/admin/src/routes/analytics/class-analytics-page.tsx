import { Button, EmptyState, ErrorState, PageHeader, Skeleton } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { ArrowLeft, Radio, SearchX } from "lucide-react";
import { Link, useParams } from "react-router";
import { canManageAllClasses } from "../../lib/access";
import { formatClassStart, formatMinutes } from "../../lib/format";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { ClassAnalytics } from "../../lib/types";
import { ClassStatusBadge } from "../live/class-status";
import { rangeSearch } from "./analytics-range";
import { AnalyticsSkeleton } from "./analytics-skeleton";
import { ClassAttendanceTable } from "./class-attendance-table";
import { ClassFigures } from "./class-figures";
import { ClassMinutesChart } from "./class-minutes-chart";
import { useAnalyticsRange } from "./use-analytics-range";

const LIVE_REFRESH_MS = 30_000;

/** `/t/:tenantSlug/analytics/classes/:classId`: one class, member by member. */
export function ClassAnalyticsPage() {
  const tenant = useTenant();
  const { classId = "" } = useParams();
  const { range } = useAnalyticsRange();
  const analytics = trpc.analytics.class.useQuery(
    { classId },
    // While the class is on, the audience grows by the minute.
    { refetchInterval: (query) => (query.state.data?.class.status === "live" ? LIVE_REFRESH_MS : false) },
  );
  const back = (
    <Link
      to={`/t/${tenant.slug}/analytics${rangeSearch(range)}`}
      className="inline-flex items-center gap-1.5 underline-offset-4 hover:underline"
    >
      <ArrowLeft aria-hidden="true" className="size-4" />
      Analytics
    </Link>
  );

  if (analytics.isError && ["NOT_FOUND", "BAD_REQUEST"].includes(errorCode(analytics.error) ?? "")) {
    return (
      <div className="grid gap-6">
        <title>{`Analytics · ${tenant.name} · Marquee Console`}</title>
        <p className="text-sm font-medium text-primary">{back}</p>
        <EmptyState
          icon={SearchX}
          title="Class not found"
          description={
            canManageAllClasses(tenant.role)
              ? "This class does not exist: it may have been deleted, or the link belongs to another organization."
              : "You can only see the classes you teach: this one does not exist, or another instructor teaches it."
          }
        />
      </div>
    );
  }
  const liveClass = analytics.data?.class;
  return (
    <div className="grid gap-6">
      <title>{`${liveClass ? `${liveClass.title} · ` : ""}Analytics · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={back}
        title={liveClass?.title ?? <Skeleton className="h-9 w-64" />}
        description={liveClass ? <ClassLine liveClass={liveClass} /> : "Who enrolled, and who watched."}
        actions={
          liveClass ? (
            <Button asChild variant="outline" size="sm">
              <Link to={`/t/${tenant.slug}/live/${liveClass.id}`}>
                <Radio aria-hidden="true" />
                Open class
              </Link>
            </Button>
          ) : null
        }
      />
      {analytics.isPending ? (
        <AnalyticsSkeleton label="Loading the class's analytics" cards={8} charts={1} />
      ) : analytics.isError ? (
        <ErrorState
          message={errorMessage(analytics.error)}
          onRetry={() => analytics.refetch()}
          retrying={analytics.isFetching}
        />
      ) : (
        <div className="grid gap-8">
          <ClassFigures totals={analytics.data.totals} />
          <ClassMinutesChart enrollments={analytics.data.enrollments} />
          <ClassAttendanceTable enrollments={analytics.data.enrollments} />
        </div>
      )}
    </div>
  );
}

function ClassLine({ liveClass }: { liveClass: ClassAnalytics["class"] }) {
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span>With {liveClass.instructorName}</span>
      <span aria-hidden="true">·</span>
      <time dateTime={liveClass.scheduledStart.toISOString()}>{formatClassStart(liveClass.scheduledStart)}</time>
      <span aria-hidden="true">·</span>
      <span>{formatMinutes(liveClass.durationMinutes)}</span>
      <ClassStatusBadge status={liveClass.status} />
    </span>
  );
}
