import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { Link } from "react-router";
import { formatClassStart, formatMinutes, formatTokenPrice, pluralize } from "../../lib/format";
import { useTenant } from "../../lib/tenant-context";
import type { LiveClassRow } from "../../lib/types";
import { ClassRowActions } from "./class-row-actions";
import { ClassStatusBadge, RecordingStatusBadge } from "./class-status";

type ClassesTableProps = {
  classes: LiveClassRow[];
  labelledBy: string;
  /** Which list: scheduled classes have actions, past ones a recording. */
  section: "live" | "scheduled" | "past";
  onCancel: (liveClass: LiveClassRow) => void;
};

export function ClassesTable({ classes, labelledBy, section, onCancel }: ClassesTableProps) {
  const tenant = useTenant();
  return (
    <Table aria-labelledby={labelledBy}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Class</TableHead>
          <TableHead className="hidden lg:table-cell">Instructor</TableHead>
          <TableHead>Start</TableHead>
          <TableHead className="hidden md:table-cell">Duration</TableHead>
          <TableHead className="hidden md:table-cell">Price</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Enrolled</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Revenue</TableHead>
          <TableHead>Status</TableHead>
          {section === "past" ? <TableHead>Recording</TableHead> : null}
          {section === "scheduled" ? (
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {classes.map((liveClass) => (
          <TableRow key={liveClass.id}>
            <TableCell>
              <Link
                to={`/t/${tenant.slug}/live/${liveClass.id}`}
                className="font-medium underline-offset-4 hover:underline"
              >
                {liveClass.title}
              </Link>
            </TableCell>
            <TableCell className="hidden lg:table-cell">{liveClass.instructorName}</TableCell>
            <TableCell className="whitespace-nowrap">
              <time dateTime={liveClass.scheduledStart.toISOString()}>
                {formatClassStart(liveClass.scheduledStart)}
              </time>
            </TableCell>
            <TableCell className="hidden whitespace-nowrap md:table-cell">
              {formatMinutes(liveClass.durationMinutes)}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap md:table-cell">
              {formatTokenPrice(liveClass.priceTokens)}
            </TableCell>
            <TableCell className="hidden text-right tabular-nums sm:table-cell">{liveClass.enrolled}</TableCell>
            <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">
              {pluralize(liveClass.revenue, "token")}
            </TableCell>
            <TableCell>
              <ClassStatusBadge status={liveClass.status} />
            </TableCell>
            {section === "past" ? (
              <TableCell>
                <RecordingStatusBadge liveClass={liveClass} />
              </TableCell>
            ) : null}
            {section === "scheduled" ? (
              <TableCell className="text-right">
                <ClassRowActions liveClass={liveClass} onCancel={() => onCancel(liveClass)} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
