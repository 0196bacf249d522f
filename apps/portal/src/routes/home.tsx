import { ErrorState } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useMe } from "../lib/session";
import { Landing } from "./landing";
import { Organizations, OrganizationsSkeleton } from "./organizations";

export function HomePage() {
  const me = useMe();
  if (me.isPending) return <OrganizationsSkeleton />;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-lg px-4 py-20">
        <ErrorState message={errorMessage(me.error)} onRetry={() => me.refetch()} retrying={me.isFetching} />
      </div>
    );
  }
  return me.data ? <Organizations me={me.data} /> : <Landing />;
}
