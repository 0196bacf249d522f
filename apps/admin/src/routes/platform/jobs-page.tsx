import { EmptyState, ErrorState, PageHeader, TableSkeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { CalendarClock, ShieldAlert } from "lucide-react";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { JobsTable } from "./jobs-table";

// Most jobs run every minute: a table twice that fresh is plenty.
const POLL_MS = 30_000;

export function JobsPage() {
  const { me } = useSession();
  return (
    <div className="grid gap-6">
      <title>Jobs · Marquee Console</title>
      <PageHeader
        eyebrow="Platform"
        title="Jobs"
        description="The background work this installation runs on a schedule, and how its last runs went."
      />
      {me.user.isPlatformAdmin ? (
        <JobsList />
      ) : (
        <EmptyState
          icon={ShieldAlert}
          title="Only platform administrators see scheduled jobs"
          description="Use the organization switcher to work on the organizations you help run."
        />
      )}
    </div>
  );
}

function JobsList() {
  const jobs = trpc.jobs.list.useQuery(undefined, { refetchInterval: POLL_MS });
  if (jobs.isPending) return <TableSkeleton columns={7} rows={5} label="Loading jobs" />;
  if (jobs.isError) {
    return <ErrorState message={errorMessage(jobs.error)} onRetry={() => jobs.refetch()} retrying={jobs.isFetching} />;
  }
  if (jobs.data.jobs.length === 0) {
    return <EmptyState icon={CalendarClock} title="No scheduled jobs" description="This server schedules no work." />;
  }
  return <JobsTable jobs={jobs.data.jobs} />;
}
