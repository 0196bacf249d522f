import { Badge, Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@marquee/ui";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Link } from "react-router";
import { canViewAnalytics } from "../../lib/access";
import { formatMoney } from "../../lib/money";
import { useSession } from "../../lib/session";
import type { PlatformTenantFigures } from "../../lib/types";
import { formatCount } from "../analytics/analytics-format";
import { rangeSearch } from "../analytics/analytics-range";
import { useAnalyticsRange } from "../analytics/use-analytics-range";
import { FIGURES, type FigureKey, type SortKey, sortTenants, useTenantSort } from "./analytics-sort";

const COLUMNS: { key: FigureKey; label: string; money?: true }[] = [
  { key: "views", label: "Views" },
  { key: "minutes", label: "Minutes watched" },
  { key: "newMembers", label: "New members" },
  { key: "enrollments", label: "Enrollments" },
  { key: "subscribers", label: "Active subscribers" },
  { key: "mrr", label: "MRR", money: true },
  { key: "tokenSales", label: "Token sales", money: true },
  { key: "stored", label: "Minutes stored" },
];

/** One row per organization, sorted in the browser (the server sends them all) by any column. */
export function PlatformTenantsTable({ tenants }: { tenants: PlatformTenantFigures[] }) {
  const { range } = useAnalyticsRange();
  const { me } = useSession();
  // Organization pages open to their owners and admins; a platform admin is not always one.
  const managed = new Set(me.memberships.filter((m) => canViewAnalytics(m.role)).map((m) => m.slug));
  const { sort, sortBy } = useTenantSort();
  const rows = sortTenants(tenants, sort);
  return (
    <div className="grid gap-2">
      <Table>
        <TableCaption className="caption-top px-4 text-left">Figures per organization</TableCaption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <SortHead column="name" label="Organization" sortKey={sort.key} dir={sort.dir} onSort={sortBy} />
            {COLUMNS.map((column) => (
              <SortHead
                key={column.key}
                column={column.key}
                label={column.label}
                sortKey={sort.key}
                dir={sort.dir}
                onSort={sortBy}
              />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((tenant) => (
            <TableRow key={tenant.tenantId}>
              <th scope="row" className="min-w-44 py-3 pr-2 pl-4 text-left align-middle font-normal">
                {tenant.archived ? (
                  <span className="inline-flex items-center gap-2">
                    <span className="font-medium">{tenant.name}</span>
                    <Badge tone="neutral">Archived</Badge>
                  </span>
                ) : managed.has(tenant.slug) ? (
                  <Link
                    to={`/t/${tenant.slug}/analytics${rangeSearch(range)}`}
                    className="font-medium underline-offset-4 hover:underline focus-visible:underline"
                  >
                    {tenant.name}
                  </Link>
                ) : (
                  <span className="font-medium">{tenant.name}</span>
                )}
              </th>
              {COLUMNS.map((column) => (
                <TableCell key={column.key} className="px-2 text-right tabular-nums">
                  {column.money
                    ? formatMoney(FIGURES[column.key](tenant), tenant.currency)
                    : formatCount(FIGURES[column.key](tenant))}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="text-xs text-muted-foreground">
        MRR and token sales are in each organization's own currency, not converted; sorting by them groups the
        organizations by currency. Active subscribers and MRR are as of each organization's last day in the period.
      </p>
    </div>
  );
}

type SortHeadProps = {
  column: SortKey;
  label: string;
  sortKey: SortKey;
  dir: "asc" | "desc";
  onSort: (key: SortKey) => void;
};

/** A column header that sorts: a real button in the header cell, with aria-sort on the sorted one. */
function SortHead({ column, label, sortKey, dir, onSort }: SortHeadProps) {
  const active = column === sortKey;
  const words = column === "name" ? { asc: "A to Z", desc: "Z to A" } : { asc: "least first", desc: "most first" };
  const Arrow = active && dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className={column === "name" ? "pr-2" : "px-2 py-2 text-right whitespace-normal"}
    >
      {/* Figure headers wrap, so nine columns fit the page without scrolling sideways. */}
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex cursor-pointer items-center gap-1 rounded-sm text-right uppercase hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        {label}
        <Arrow aria-hidden="true" className={active ? "size-3.5" : "size-3.5 opacity-0"} />
        <span className="sr-only">
          {active ? `, sorted ${words[dir]}` : `, sort ${words[column === "name" ? "asc" : "desc"]}`}
        </span>
      </button>
    </TableHead>
  );
}
