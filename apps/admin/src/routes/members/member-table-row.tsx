import {
  Avatar,
  Badge,
  Button,
  type MemberRole,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  Select,
  TableCell,
  TableRow,
  toast,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Coins, Trash2 } from "lucide-react";
import { formatDate } from "../../lib/format";
import { useSession } from "../../lib/session";
import { useTenant } from "../../lib/tenant-context";
import { trpc } from "../../lib/trpc";
import type { MemberRow } from "../../lib/types";
import { SubscriptionSummary } from "./subscription-summary";

const ROLES: MemberRole[] = ["owner", "admin", "instructor", "member"];

function withArticle(role: MemberRole): string {
  const label = ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

type MemberTableRowProps = { member: MemberRow; isSelf: boolean; onTokens: () => void; onRemove: () => void };

export function MemberTableRow({ member, isSelf, onTokens, onRemove }: MemberTableRowProps) {
  const tenant = useTenant();
  const { refresh } = useSession();
  const utils = trpc.useUtils();
  const updateRole = trpc.members.updateRole.useMutation({
    onSuccess: async ({ role }) => {
      await utils.members.list.invalidate();
      if (isSelf) await refresh();
      toast.success(`${member.name} is now ${withArticle(role)}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  // Only owners may touch the owner role; the server enforces it, the UI just does not offer it.
  const isOwner = tenant.role === "owner";
  const locked = member.role === "owner" && !isOwner;
  const role = updateRole.isPending ? updateRole.variables.role : member.role;

  return (
    <TableRow>
      <TableCell>
        <div className="flex min-w-0 items-center gap-3">
          <Avatar name={member.name} />
          <div className="grid min-w-0">
            <span className="flex items-center gap-2 font-medium">
              <span className="truncate">{member.name}</span>
              {isSelf ? <Badge tone="primary">You</Badge> : null}
            </span>
            <span className="truncate text-xs text-muted-foreground 2xl:hidden">{member.email}</span>
          </div>
        </div>
      </TableCell>
      <TableCell className="hidden text-muted-foreground 2xl:table-cell">{member.email}</TableCell>
      <TableCell>
        <Select
          size="sm"
          aria-label={`Role for ${member.name}`}
          value={role}
          disabled={locked || updateRole.isPending}
          className="w-36"
          options={ROLES.map((value) => ({
            value,
            label: ROLE_LABELS[value],
            description: ROLE_DESCRIPTIONS[value],
            disabled: value === "owner" && !isOwner,
          }))}
          onValueChange={(next) => updateRole.mutate({ membershipId: member.membershipId, role: next })}
        />
      </TableCell>
      <TableCell className="hidden md:table-cell">
        <SubscriptionSummary subscription={member.subscription} />
      </TableCell>
      <TableCell className="text-right tabular-nums">{member.tokenBalance}</TableCell>
      <TableCell className="hidden whitespace-nowrap text-muted-foreground lg:table-cell">
        {formatDate(member.joinedAt)}
      </TableCell>
      <TableCell className="text-right whitespace-nowrap">
        <Button variant="ghost" size="sm" aria-label={`Tokens for ${member.name}`} onClick={onTokens}>
          <Coins aria-hidden="true" />
          Tokens
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={`Remove ${member.name}`}
          disabled={locked}
          onClick={onRemove}
          className="text-muted-foreground hover:text-destructive-soft-foreground"
        >
          <Trash2 aria-hidden="true" />
        </Button>
      </TableCell>
    </TableRow>
  );
}
