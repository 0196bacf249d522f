import {
  Button,
  Dialog,
  EmptyState,
  ErrorState,
  PageHeader,
  SearchInput,
  TableSkeleton,
  useDebouncedValue,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { Building2, Plus, SearchX, ShieldAlert } from "lucide-react";
import { useState } from "react";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { CreateTenantDialog } from "./create-tenant-dialog";
import { TenantsTable } from "./tenants-table";

export function TenantsPage() {
  const { me } = useSession();
  const [creating, setCreating] = useState(false);
  const newTenant = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" />
      New tenant
    </Button>
  );

  return (
    <div className="grid gap-6">
      <title>Tenants · Marquee Console</title>
      <PageHeader
        eyebrow="Platform"
        title="Tenants"
        description="Every organization on this Marquee installation."
        actions={me.user.isPlatformAdmin ? newTenant : null}
      />
      {me.user.isPlatformAdmin ? (
        <TenantsDirectory onCreate={() => setCreating(true)} />
      ) : (
        <EmptyState
          icon={ShieldAlert}
          title="Only platform administrators manage tenants"
          description="Use the organization switcher to work on the organizations you help run."
        />
      )}
      <Dialog open={creating} onOpenChange={setCreating}>
        {creating ? <CreateTenantDialog onDone={() => setCreating(false)} /> : null}
      </Dialog>
    </div>
  );
}

function TenantsDirectory({ onCreate }: { onCreate: () => void }) {
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim());
  const tenants = trpc.tenants.list.useQuery(query ? { search: query } : undefined, {
    placeholderData: keepPreviousData,
  });

  return (
    <div className="grid gap-4">
      <SearchInput
        aria-label="Search tenants"
        placeholder="Search by name or slug"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {tenants.isPending ? (
        <TableSkeleton columns={6} label="Loading tenants" />
      ) : tenants.isError ? (
        <ErrorState
          message={errorMessage(tenants.error)}
          onRetry={() => tenants.refetch()}
          retrying={tenants.isFetching}
        />
      ) : tenants.data.length > 0 ? (
        <TenantsTable tenants={tenants.data} />
      ) : query ? (
        <EmptyState
          icon={SearchX}
          title="No tenants match your search"
          description={`No name or slug contains “${query}”.`}
          action={
            <Button variant="outline" onClick={() => setSearch("")}>
              Clear search
            </Button>
          }
        />
      ) : (
        <EmptyState
          icon={Building2}
          title="No tenants yet"
          description="Create the first organization to get started."
          action={<Button onClick={onCreate}>New tenant</Button>}
        />
      )}
    </div>
  );
}
