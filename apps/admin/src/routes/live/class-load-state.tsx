import { Button, EmptyState, ErrorState, Skeleton } from "@marquee/ui";
import { errorCode, errorMessage } from "@marquee/ui/trpc";
import { SearchX } from "lucide-react";
import { Link } from "react-router";
import { useTenant } from "../../lib/tenant-context";
import { BackToClasses } from "./back-to-classes";
import type { useLiveClass } from "./use-live-class";

// NOT_FOUND: another organization's class, or another instructor's; BAD_REQUEST: not a class id at all.
const MISSING = ["NOT_FOUND", "BAD_REQUEST"];

/** A class page before its class is known: loading, failed, or not one of the viewer's classes. */
export function ClassLoadState({ query }: { query: ReturnType<typeof useLiveClass>["query"] }) {
  const tenant = useTenant();
  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the class" className="grid gap-6">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-9 w-2/3" />
        <Skeleton className="h-72" />
      </div>
    );
  }
  const missing = MISSING.includes(errorCode(query.error) ?? "");
  return (
    <div className="grid gap-6">
      <title>{`Live classes · ${tenant.name} · Marquee Console`}</title>
      <p className="text-sm font-medium text-primary">
        <BackToClasses />
      </p>
      {missing ? (
        <EmptyState
          icon={SearchX}
          title="This class does not exist"
          description="It may belong to another organization, or to another instructor."
          action={
            <Button asChild variant="outline">
              <Link to={`/t/${tenant.slug}/live`}>All live classes</Link>
            </Button>
          }
        />
      ) : (
        <ErrorState message={errorMessage(query.error)} onRetry={() => query.refetch()} retrying={query.isFetching} />
      )}
    </div>
  );
}
