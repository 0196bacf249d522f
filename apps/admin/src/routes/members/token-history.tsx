import { Button, cn, ErrorState, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useId } from "react";
import { formatDateTime } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import type { TokenHistoryEntry } from "../../lib/types";

const PAGE_SIZE = 10;

const REASONS: Record<TokenHistoryEntry["reason"], string> = {
  purchase: "Bought a token pack",
  enrollment: "Enrolled in a class",
  refund: "Refund",
  grant: "Granted",
  deduction: "Deducted",
};

const signed = new Intl.NumberFormat(undefined, { signDisplay: "always" });

/** The member's balance changes, newest first, a page at a time. */
export function TokenHistory({ membershipId }: { membershipId: string }) {
  const id = useId();
  const history = trpc.members.tokenHistory.useInfiniteQuery(
    { membershipId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
  const entries = history.data?.pages.flatMap((page) => page.entries);

  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        History
      </h3>
      {history.isPending ? (
        <div role="status" aria-label="Loading token history" className="grid gap-2">
          {["first", "second", "third"].map((key) => (
            <Skeleton key={key} className="h-12" />
          ))}
        </div>
      ) : history.isError ? (
        <ErrorState
          className="py-6"
          message={errorMessage(history.error)}
          onRetry={() => history.refetch()}
          retrying={history.isFetching}
        />
      ) : !entries?.length ? (
        <p className="text-sm text-muted-foreground">No token changes yet.</p>
      ) : (
        <>
          <ol aria-labelledby={`${id}-title`} className="divide-y rounded-lg border">
            {entries.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </ol>
          {history.hasNextPage ? (
            <div>
              <Button
                variant="outline"
                size="sm"
                loading={history.isFetchingNextPage}
                onClick={() => history.fetchNextPage()}
              >
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function HistoryEntry({ entry }: { entry: TokenHistoryEntry }) {
  const by = entry.actorName && (entry.reason === "grant" || entry.reason === "deduction") ? entry.actorName : null;
  return (
    <li className="flex items-start justify-between gap-4 px-3 py-2.5 text-sm">
      <div className="grid min-w-0 gap-0.5">
        <span className="font-medium">{REASONS[entry.reason]}</span>
        {entry.note ? <span className="break-words">{entry.note}</span> : null}
        <span className="text-xs text-muted-foreground">
          <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
          {by ? ` · by ${by}` : null}
        </span>
      </div>
      <div className="grid shrink-0 justify-items-end gap-0.5 tabular-nums">
        <span
          className={cn(
            "font-semibold",
            entry.delta > 0 ? "text-success-soft-foreground" : "text-destructive-soft-foreground",
          )}
        >
          {signed.format(entry.delta)}
        </span>
        <span className="text-xs text-muted-foreground">Balance {entry.balanceAfter}</span>
      </div>
    </li>
  );
}
