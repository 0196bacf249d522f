import { Badge, EmptyState, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { Users } from "lucide-react";
import { formatDateTime } from "../../lib/format";
import type { ClassAttendance } from "../../lib/types";
import { formatCount, formatMinuteFigure } from "./analytics-format";

const number = "text-right tabular-nums";
const momentFormat = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

function When({ at }: { at: Date }) {
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at)}>
      {momentFormat.format(at)}
    </time>
  );
}

/** Every seat of the class with what its member watched, in the order the server gives (most watched first). */
export function ClassAttendanceTable({ enrollments }: { enrollments: ClassAttendance[] }) {
  return (
    <section aria-labelledby="attendance-heading" className="grid gap-3">
      <h2 id="attendance-heading" className="text-lg font-semibold tracking-tight">
        Attendance
      </h2>
      {enrollments.length === 0 ? (
        <EmptyState icon={Users} title="No one enrolled" description="Members who enroll show up here." />
      ) : (
        <Table aria-labelledby="attendance-heading">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Member</TableHead>
              <TableHead>Enrolled</TableHead>
              <TableHead className="text-right">Tokens paid</TableHead>
              <TableHead>Attended</TableHead>
              <TableHead className="text-right">Live min</TableHead>
              <TableHead className="text-right">Replay min</TableHead>
              <TableHead>First / last seen</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {enrollments.map((seat) => (
              <TableRow key={seat.enrollmentId}>
                <TableCell>
                  <span className="grid">
                    <span className="font-medium">{seat.name}</span>
                    <span className="text-xs text-muted-foreground">{seat.email}</span>
                  </span>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <When at={seat.enrolledAt} />
                </TableCell>
                <TableCell className={`${number} whitespace-nowrap`}>
                  {formatCount(seat.pricePaid)}
                  {seat.refundedAt ? (
                    <Badge tone="warning" className="ml-2" title={`Refunded ${formatDateTime(seat.refundedAt)}`}>
                      Refunded
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>
                  {seat.attended ? (
                    <Badge tone="success" dot>
                      Yes
                    </Badge>
                  ) : (
                    <Badge tone="neutral">No</Badge>
                  )}
                </TableCell>
                <TableCell className={number}>{formatMinuteFigure(seat.liveMinutes)}</TableCell>
                <TableCell className={number}>{formatMinuteFigure(seat.replayMinutes)}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {seat.firstSeenAt ? (
                    <span className="grid">
                      <When at={seat.firstSeenAt} />
                      <span className="text-xs text-muted-foreground">
                        <span className="sr-only">to </span>
                        <When at={seat.lastSeenAt ?? seat.firstSeenAt} />
                      </span>
                    </span>
                  ) : (
                    <span className="text-muted-foreground">Never</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
