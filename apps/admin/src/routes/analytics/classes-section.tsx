import { EmptyState, ErrorState, TableSkeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { Radio } from "lucide-react";
import { canManageAllClasses } from "../../lib/access";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { Period } from "./analytics-range";
import { ClassesCards } from "./classes-cards";
import { ClassesChart } from "./classes-chart";
import { ClassesTable } from "./classes-table";
import { STAT_GRID, StatCardSkeleton } from "./stat-card";

/**
 * The live classes scheduled in the period: seats, revenue and attendance. Owners and admins
 * see every class; instructors the classes they teach (the server filters them).
 */
export function ClassesSection({ period }: { period: Period }) {
  const tenant = useTenant();
  const everyClass = canManageAllClasses(tenant.role);
  const classes = trpc.analytics.classes.useQuery(period, { placeholderData: keepPreviousData });
  const busy = classes.isPlaceholderData;

  return (
    <section aria-labelledby="classes-heading" className="grid gap-3">
      <div className="grid gap-1">
        <h2 id="classes-heading" className="text-lg font-semibold tracking-tight">
          {everyClass ? "Live classes" : "Your classes"}
        </h2>
        <p className="text-sm text-muted-foreground">
          {everyClass ? "The classes" : "The classes you teach"} scheduled in the period: who enrolled, who watched live
          or the replay, and the tokens they paid. Counted as they happen, not hourly.
        </p>
      </div>
      {classes.isPending ? (
        <div className="grid gap-4">
          <div role="status" aria-label="Loading the class figures" className={STAT_GRID}>
            {Array.from({ length: 4 }, (_, index) => (
              <StatCardSkeleton key={`class-card-${index}`} />
            ))}
          </div>
          <TableSkeleton columns={6} label="Loading the classes" />
        </div>
      ) : classes.isError ? (
        <ErrorState
          message={errorMessage(classes.error)}
          onRetry={() => classes.refetch()}
          retrying={classes.isFetching}
        />
      ) : classes.data.classes.length === 0 ? (
        <EmptyState
          icon={Radio}
          title="No classes in this period"
          description={
            everyClass
              ? "Classes show up here once they are scheduled on a day of the period."
              : "The classes you teach show up here once they are scheduled on a day of the period."
          }
        />
      ) : (
        <div aria-busy={busy} className={busy ? "grid gap-4 opacity-60 transition-opacity" : "grid gap-4"}>
          <ClassesCards totals={classes.data.totals} />
          <ClassesChart classes={classes.data.classes} />
          <ClassesTable classes={classes.data.classes} showInstructor={everyClass} />
        </div>
      )}
    </section>
  );
}
