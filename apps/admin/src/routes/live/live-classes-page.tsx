import { Button, EmptyState, ErrorState, PageHeader, TableSkeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { CalendarPlus, Plus } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { LiveClassRow } from "../../lib/types";
import { CancelClassDialog } from "./cancel-class-dialog";
import { ClassesTable } from "./classes-table";
import { LIVE_POLL_MS } from "./use-live-class";

export function LiveClassesPage() {
  const tenant = useTenant();
  const newClass = (
    <Button asChild>
      <Link to={`/t/${tenant.slug}/live/new`}>
        <Plus aria-hidden="true" />
        New class
      </Link>
    </Button>
  );
  return (
    <div className="grid gap-6">
      <title>{`Live classes · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Live classes"
        description="Teach live from your browser or an encoder. Members enroll with tokens and watch the replay afterwards."
        actions={newClass}
      />
      <ClassLists />
    </div>
  );
}

function ClassLists() {
  const tenant = useTenant();
  const list = trpc.live.list.useQuery(undefined, { refetchInterval: LIVE_POLL_MS });
  const [cancelling, setCancelling] = useState<LiveClassRow | null>(null);

  if (list.isPending) return <TableSkeleton columns={8} rows={4} label="Loading live classes" />;
  if (list.isError) {
    return <ErrorState message={errorMessage(list.error)} onRetry={() => list.refetch()} retrying={list.isFetching} />;
  }
  const { live, scheduled, past } = list.data;

  return (
    <div className="grid gap-8">
      <ClassSection id="live-now" title="Live now">
        {live.length > 0 ? (
          <ClassesTable classes={live} labelledBy="live-now-heading" section="live" onCancel={setCancelling} />
        ) : (
          <p className="text-sm text-muted-foreground">No class is live right now.</p>
        )}
      </ClassSection>
      <ClassSection id="scheduled" title="Scheduled">
        {scheduled.length > 0 ? (
          <ClassesTable
            classes={scheduled}
            labelledBy="scheduled-heading"
            section="scheduled"
            onCancel={setCancelling}
          />
        ) : (
          <EmptyState
            icon={CalendarPlus}
            title="No classes scheduled"
            description="Schedule a class: members see it on your page and enroll ahead of time."
            action={
              <Button asChild>
                {/* Not "New class" again: the header's link keeps that name to itself. */}
                <Link to={`/t/${tenant.slug}/live/new`}>Schedule a class</Link>
              </Button>
            }
          />
        )}
      </ClassSection>
      <ClassSection id="past" title="Past">
        {past.length > 0 ? (
          <ClassesTable classes={past} labelledBy="past-heading" section="past" onCancel={setCancelling} />
        ) : (
          <p className="text-sm text-muted-foreground">Ended and cancelled classes appear here.</p>
        )}
      </ClassSection>
      <CancelClassDialog liveClass={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}

function ClassSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="grid gap-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}
