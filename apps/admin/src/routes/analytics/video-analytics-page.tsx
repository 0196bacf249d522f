import { Button, EmptyState, ErrorState, PageHeader, Skeleton } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { ArrowLeft, Pencil, SearchX } from "lucide-react";
import { Link, useParams } from "react-router";
import { canManageVideos } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { VideoAnalytics } from "../../lib/types";
import { formatCount, formatPercent } from "./analytics-format";
import { TenantFiguresOnly } from "./analytics-layout";
import { eachDay, type Period, rangeSearch } from "./analytics-range";
import { AnalyticsSkeleton } from "./analytics-skeleton";
import { valuesByDay } from "./charts/values-by-day";
import { ViewsMinutesChart } from "./charts/views-minutes-chart";
import { InvalidPeriod } from "./invalid-period";
import { RangePicker } from "./range-picker";
import { STAT_GRID, StatCard } from "./stat-card";
import { UpdatedAt } from "./updated-at";
import { useAnalyticsRange } from "./use-analytics-range";

/** `/t/:tenantSlug/analytics/videos/:videoId`: one video over the same period as the overview. */
export function VideoAnalyticsPage() {
  return (
    <TenantFiguresOnly>
      <VideoAnalyticsView />
    </TenantFiguresOnly>
  );
}

function VideoAnalyticsView() {
  const tenant = useTenant();
  const { videoId = "" } = useParams();
  const { range } = useAnalyticsRange();
  const invalid = range.kind === "custom" && range.error !== null;
  const video = trpc.analytics.video.useQuery(
    { videoId, ...range.period },
    { enabled: !invalid, placeholderData: keepPreviousData },
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
  const title = video.data?.video.title;

  if (video.isError && ["NOT_FOUND", "BAD_REQUEST"].includes(errorCode(video.error) ?? "")) {
    return (
      <div className="grid gap-6">
        <title>{`Analytics · ${tenant.name} · Marquee Console`}</title>
        <p className="text-sm font-medium text-primary">{back}</p>
        <EmptyState
          icon={SearchX}
          title="This video does not exist"
          description="It may have been deleted, or the link belongs to another organization."
        />
      </div>
    );
  }
  return (
    <div className="grid gap-6">
      <title>{`${title ? `${title} · ` : ""}Analytics · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={back}
        title={title ?? <Skeleton className="h-9 w-64" />}
        description="How members watched this video over the period."
        actions={
          title && canManageVideos(tenant.role) ? (
            <Button asChild variant="outline" size="sm">
              <Link to={`/t/${tenant.slug}/videos/${videoId}`}>
                <Pencil aria-hidden="true" />
                Edit video
              </Link>
            </Button>
          ) : null
        }
      />
      <RangePicker />
      {invalid ? (
        <InvalidPeriod />
      ) : video.isPending ? (
        <AnalyticsSkeleton label="Loading the video's analytics" cards={4} charts={1} />
      ) : video.isError ? (
        <ErrorState message={errorMessage(video.error)} onRetry={() => video.refetch()} retrying={video.isFetching} />
      ) : (
        <VideoFigures analytics={video.data} period={range.period} busy={video.isPlaceholderData} />
      )}
    </div>
  );
}

type VideoFiguresProps = { analytics: VideoAnalytics; period: Period; busy: boolean };

function VideoFigures({ analytics, period, busy }: VideoFiguresProps) {
  // The organization's rolled days tell a day without views (0) from one not rolled up yet (a gap).
  const summary = trpc.analytics.summary.useQuery(period, { placeholderData: keepPreviousData });
  if (summary.isPending) return <AnalyticsSkeleton label="Loading the video's analytics" cards={4} charts={1} />;
  if (summary.isError) {
    return (
      <ErrorState
        message={errorMessage(summary.error)}
        onRetry={() => summary.refetch()}
        retrying={summary.isFetching}
      />
    );
  }
  const { totals, series } = analytics;
  const days = eachDay(period);
  const rolled = summary.data.series.map((row) => row.day);
  const per = (pick: (row: (typeof series)[number]) => number) => valuesByDay(days, rolled, series, pick);
  const { rolledUpAt } = summary.data;

  return (
    <div aria-busy={busy} className={busy ? "grid gap-8 opacity-60 transition-opacity" : "grid gap-8"}>
      {rolledUpAt ? <UpdatedAt at={rolledUpAt} /> : null}
      <section aria-labelledby="video-figures-heading">
        <h2 id="video-figures-heading" className="sr-only">
          Figures for the period
        </h2>
        <div className={STAT_GRID}>
          <StatCard label="Views" value={formatCount(totals.views)} />
          <StatCard label="Unique viewers" value={formatCount(totals.uniqueViewers)} />
          <StatCard label="Minutes watched" value={formatCount(totals.minutesWatched)} />
          <StatCard label="Average completion" value={formatPercent(totals.averageCompletion)} />
        </div>
      </section>
      {rolledUpAt === null ? (
        <EmptyState
          title="No figures for this period yet"
          description="Figures appear after the first hourly rollup, for the days since the organization was created."
        />
      ) : (
        <ViewsMinutesChart
          description="Times this video was started, and minutes played, each day."
          days={days}
          views={per((row) => row.views)}
          minutes={per((row) => row.minutesWatched)}
        />
      )}
    </div>
  );
}
