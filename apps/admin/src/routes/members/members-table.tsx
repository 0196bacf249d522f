import { ConfirmDialog, Table, TableBody, TableHead, TableHeader, TableRow, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { useSession } from "../../lib/session";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { MemberRow } from "../../lib/types";
import { MemberTableRow } from "./member-table-row";

export function MembersTable({ members }: { members: MemberRow[] }) {
  const tenant = useTenant();
  const { me, refresh } = useSession();
  const utils = trpc.useUtils();
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const remove = trpc.members.remove.useMutation({
    onSuccess: async (_result, { membershipId }) => {
      const removed = members.find((member) => member.membershipId === membershipId);
      await utils.members.list.invalidate();
      if (removed?.userId === me.user.id) await refresh();
      toast.success(`${removed?.name ?? "The member"} was removed from ${tenant.name}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <>
      <Table>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Name</TableHead>
            <TableHead className="hidden md:table-cell">Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead className="hidden lg:table-cell">Joined</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((member) => (
            <MemberTableRow
              key={member.membershipId}
              member={member}
              isSelf={member.userId === me.user.id}
              onRemove={() => setRemoving(member)}
            />
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={`Remove ${removing?.name ?? "this member"}?`}
        description={`They lose access to ${tenant.name} right away. They can join again from its public page.`}
        confirmLabel="Remove member"
        tone="destructive"
        onConfirm={() => (removing ? remove.mutateAsync({ membershipId: removing.membershipId }) : undefined)}
      />
    </>
  );
}
