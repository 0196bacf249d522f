import { Button, EmptyState, ErrorState, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { SearchX } from "lucide-react";
import { Link } from "react-router";
import { useTenant } from "../../lib/tenant-context";
import { BackToClasses } from "./back-to-classes";
import type { useLiveClass } from "./use-live-class";

/** A class page before its class is known: loading, failed, or not one of the viewer's classes. */
export function ClassLoadState({ list }: { list: ReturnType<typeof useLiveClass>["list"] }) {
  const tenant = useTenant();
  if (list.isPending) {
    return (
      <div role="status" aria-label="Loading the class" className="grid gap-6">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-9 w-2/3" />
        <Skeleton className="h-72" />
      </div>
    );
  }
  return (
    <div className="grid gap-6">
      <title>{`Live classes · ${tenant.name} · Marquee Console`}</title>
      <p className="text-sm font-medium text-primary">
        <BackToClasses />
      </p>
      {list.isError ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : (
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
      )}
    </div>
  );
}
