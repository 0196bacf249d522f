import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { Link } from "react-router";
import { formatClassStart } from "../../lib/format";
import { useTenant } from "../../lib/tenant-context";
import type { ClassFiguresRow } from "../../lib/types";
import { ClassStatusBadge } from "../live/class-status";
import { formatCount, formatPercent } from "./analytics-format";
import { rangeSearch } from "./analytics-range";
import { useAnalyticsRange } from "./use-analytics-range";

type ClassesTableProps = { classes: ClassFiguresRow[]; showInstructor: boolean };

const number = "text-right tabular-nums";

/** Every class of the period, newest first, each opening its attendance. */
export function ClassesTable({ classes, showInstructor }: ClassesTableProps) {
  const tenant = useTenant();
  const { range } = useAnalyticsRange();
  return (
    <Table aria-label="Classes of the period">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Class</TableHead>
          {showInstructor ? <TableHead>Instructor</TableHead> : null}
          <TableHead>Start</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Enrolled</TableHead>
          <TableHead className="text-right">
            Attended
            <span className="block font-normal normal-case">live / replay</span>
          </TableHead>
          <TableHead className="text-right">Attendance</TableHead>
          <TableHead className="text-right">Tokens</TableHead>
          <TableHead className="text-right">
            Peak<span className="sr-only"> viewers</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {classes.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="max-w-xs">
              <Link
                to={`/t/${tenant.slug}/analytics/classes/${row.id}${rangeSearch(range)}`}
                className="line-clamp-2 font-medium underline-offset-4 hover:underline focus-visible:underline"
              >
                {row.title}
              </Link>
            </TableCell>
            {showInstructor ? <TableCell className="whitespace-nowrap">{row.instructorName}</TableCell> : null}
            <TableCell className="whitespace-nowrap">
              <time dateTime={row.scheduledStart.toISOString()}>{formatClassStart(row.scheduledStart)}</time>
            </TableCell>
            <TableCell>
              <ClassStatusBadge status={row.status} />
            </TableCell>
            <TableCell className={number}>{formatCount(row.enrolled)}</TableCell>
            <TableCell className={`${number} whitespace-nowrap`}>
              {formatCount(row.attended)}{" "}
              <span className="text-muted-foreground">
                ({formatCount(row.attendedLive)} / {formatCount(row.watchedReplay)})
              </span>
            </TableCell>
            <TableCell className={number}>
              {row.attendanceRate === null ? (
                <span className="text-muted-foreground">
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">Not held yet</span>
                </span>
              ) : (
                formatPercent(row.attendanceRate)
              )}
            </TableCell>
            <TableCell className={number}>{formatCount(row.tokens)}</TableCell>
            <TableCell className={number}>{formatCount(row.peakViewers)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
