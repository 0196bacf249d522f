import { Badge, EmptyState, ErrorState, PageHeader, SearchInput, TableSkeleton, useDebouncedValue } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { keepPreviousData } from "@tanstack/react-query";
import { SearchX, ShieldAlert, Users } from "lucide-react";
import { useState } from "react";
import { canManageMembers } from "../../lib/access";
import { pluralize } from "../../lib/format";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import { MembersTable } from "./members-table";

export function MembersPage() {
  const tenant = useTenant();
  return (
    <div className="grid gap-6">
      <title>{`Members · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={tenant.name}
        title="Members"
        description={`Everyone who has joined ${tenant.name}: what they can do, their plan and their tokens.`}
      />
      {canManageMembers(tenant.role) ? (
        <MembersDirectory />
      ) : (
        <EmptyState
          icon={ShieldAlert}
          title="Only owners and admins manage members"
          description="Ask an owner of this organization if you need to change someone's role."
        />
      )}
    </div>
  );
}

function MembersDirectory() {
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim());
  const members = trpc.members.list.useQuery(query ? { search: query } : undefined, {
    placeholderData: keepPreviousData,
  });

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <SearchInput
          aria-label="Search members"
          placeholder="Search by name or email"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {members.data ? (
          <Badge className="self-start sm:self-auto">{pluralize(members.data.length, "member")}</Badge>
        ) : null}
      </div>
      {members.isPending ? (
        <TableSkeleton columns={6} label="Loading members" />
      ) : members.isError ? (
        <ErrorState
          message={errorMessage(members.error)}
          onRetry={() => members.refetch()}
          retrying={members.isFetching}
        />
      ) : members.data.length === 0 ? (
        query ? (
          <EmptyState
            icon={SearchX}
            title="No members match your search"
            description={`Nobody's name or email contains “${query}”.`}
          />
        ) : (
          <EmptyState
            icon={Users}
            title="No members yet"
            description="People appear here once they join from the organization's page."
          />
        )
      ) : (
        <MembersTable members={members.data} />
      )}
    </div>
  );
}
