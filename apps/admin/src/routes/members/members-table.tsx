import { ConfirmDialog, Dialog, Table, TableBody, TableHead, TableHeader, TableRow, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { useSession } from "../../lib/session";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { MemberRow } from "../../lib/types";
import { MemberTableRow } from "./member-table-row";
import { TokensDialog } from "./tokens-dialog";

export function MembersTable({ members }: { members: MemberRow[] }) {
  const tenant = useTenant();
  const { me, refresh } = useSession();
  const utils = trpc.useUtils();
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  // By id, so the dialog shows the balance of the list as it is refetched after a change.
  const [tokensFor, setTokensFor] = useState<string | null>(null);
  const tokensMember = members.find((member) => member.membershipId === tokensFor);
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
            <TableHead className="hidden 2xl:table-cell">Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead className="hidden md:table-cell">Plan</TableHead>
            <TableHead className="text-right">Tokens</TableHead>
            <TableHead className="hidden lg:table-cell">Joined</TableHead>
            <TableHead className="w-36">
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
              onTokens={() => setTokensFor(member.membershipId)}
              onRemove={() => setRemoving(member)}
            />
          ))}
        </TableBody>
      </Table>
      <Dialog open={tokensMember !== undefined} onOpenChange={(open) => (open ? undefined : setTokensFor(null))}>
        {tokensMember ? <TokensDialog key={tokensMember.membershipId} member={tokensMember} /> : null}
      </Dialog>
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
