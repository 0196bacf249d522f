import { Badge, type BadgeProps, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { formatDateTime } from "../../lib/format";
import type { JobRun, ScheduledJob } from "../../lib/types";
import { describeSchedule, formatRunDuration } from "./job-schedule";

const RUN_STATUS: Record<JobRun["status"], { label: string; tone: BadgeProps["tone"] }> = {
  running: { label: "Running", tone: "primary" },
  succeeded: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

function latestRun(job: ScheduledJob): JobRun | undefined {
  return [...job.lastRuns].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
}

const none = <span className="text-muted-foreground">—</span>;

export function JobsTable({ jobs }: { jobs: ScheduledJob[] }) {
  return (
    <Table aria-label="Scheduled jobs">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Job</TableHead>
          <TableHead>Schedule</TableHead>
          <TableHead>Last run</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="hidden text-right md:table-cell">Duration</TableHead>
          <TableHead className="hidden lg:table-cell">Counts</TableHead>
          <TableHead className="hidden sm:table-cell">Next run</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => {
          const run = latestRun(job);
          const counts = run ? Object.entries(run.counts) : [];
          return (
            <TableRow key={job.name} className="align-top">
              <TableCell className="font-mono text-xs font-medium">{job.name}</TableCell>
              <TableCell className="whitespace-nowrap">{describeSchedule(job.everyMs, job.offsetMs)}</TableCell>
              <TableCell className="whitespace-nowrap">
                {run ? formatDateTime(run.startedAt) : <span className="text-muted-foreground">Not run yet</span>}
              </TableCell>
              <TableCell>
                {run ? (
                  <div className="grid gap-1.5">
                    <Badge tone={RUN_STATUS[run.status].tone} dot>
                      {RUN_STATUS[run.status].label}
                    </Badge>
                    {run.error ? (
                      <details className="max-w-sm text-xs">
                        <summary className="cursor-pointer font-medium text-destructive-soft-foreground">
                          Show error
                        </summary>
                        <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-muted p-2 font-mono">
                          {run.error}
                        </pre>
                      </details>
                    ) : null}
                  </div>
                ) : (
                  none
                )}
              </TableCell>
              <TableCell className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">
                {run?.durationMs != null ? formatRunDuration(run.durationMs) : none}
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                {counts.length > 0 ? (
                  <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs tabular-nums">
                    {counts.map(([key, value]) => (
                      <li key={key}>
                        <span className="text-muted-foreground">{key}:</span> {value}
                      </li>
                    ))}
                  </ul>
                ) : (
                  none
                )}
              </TableCell>
              <TableCell className="hidden whitespace-nowrap sm:table-cell">{formatDateTime(job.nextRunAt)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
