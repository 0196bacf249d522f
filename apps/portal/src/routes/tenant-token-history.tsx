import {
  Alert,
  Button,
  cn,
  EmptyState,
  ErrorState,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  TableSkeleton,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { History } from "lucide-react";
import { formatDateTime } from "../lib/format";
import { trpc } from "../lib/trpc";
import type { LedgerEntry } from "../lib/types";

const PAGE_SIZE = 20;

/** Why the balance changed, in words. */
function reasonLabel(entry: LedgerEntry): string {
  const by = entry.actorName ?? "the organization";
  switch (entry.reason) {
    case "purchase":
      return "Bought tokens";
    case "enrollment":
      return "Class enrollment";
    case "refund":
      return "Refund";
    case "grant":
      return `Added by ${by}`;
    case "deduction":
      return `Removed by ${by}`;
  }
}

/** "+12", "−3": with a real minus sign, which screen readers say as "minus". */
function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}

/** Every change to the member's balance, newest first, a page at a time. */
export function TokenHistory() {
  const history = trpc.wallet.history.useInfiniteQuery(
    { limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const entries = history.data?.pages.flatMap((page) => page.entries) ?? [];

  if (history.isPending) return <TableSkeleton columns={5} rows={3} label="Loading token history" />;
  if (history.isError && !history.data) {
    return (
      <ErrorState
        message={errorMessage(history.error)}
        onRetry={() => history.refetch()}
        retrying={history.isFetching}
      />
    );
  }
  if (entries.length === 0) {
    return (
      <EmptyState
        icon={History}
        title="No token activity yet"
        description="Purchases, class enrollments and refunds show up here."
      />
    );
  }
  return (
    <div className="grid gap-4">
      <Table>
        <TableCaption className="sr-only">Token history, newest first</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Date</TableHead>
            <TableHead className="text-right">Change</TableHead>
            <TableHead>Reason</TableHead>
            <TableHead className="hidden md:table-cell">Note</TableHead>
            <TableHead className="text-right">Balance after</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {formatDateTime(entry.createdAt)}
              </TableCell>
              <TableCell
                className={cn(
                  "text-right font-medium tabular-nums",
                  entry.delta > 0 ? "text-success-soft-foreground" : "text-foreground",
                )}
              >
                {formatDelta(entry.delta)}
              </TableCell>
              <TableCell>{reasonLabel(entry)}</TableCell>
              <TableCell className="hidden max-w-64 truncate text-muted-foreground md:table-cell">
                {entry.note ?? "—"}
              </TableCell>
              <TableCell className="text-right tabular-nums">{entry.balanceAfter}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {history.hasNextPage ? (
        <div className="grid justify-items-center gap-3">
          {history.isFetchNextPageError ? <Alert tone="destructive">{errorMessage(history.error)}</Alert> : null}
          <Button variant="outline" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {history.isFetchNextPageError ? "Try again" : "Load more"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
