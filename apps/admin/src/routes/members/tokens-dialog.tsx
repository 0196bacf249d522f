import { DialogContent } from "@marquee/ui";
import { pluralize } from "../../lib/format";
import type { MemberRow } from "../../lib/types";
import { TokenAdjustForm } from "./token-adjust-form";
import { TokenHistory } from "./token-history";

/** A member's token balance: grant or deduct with a reason, and every change so far. */
export function TokensDialog({ member }: { member: MemberRow }) {
  return (
    <DialogContent
      title={`Tokens · ${member.name}`}
      description="Tokens pay for live classes. Members buy them in packs; you can also grant or deduct them here."
      className="max-w-2xl"
    >
      <p className="flex items-baseline gap-2">
        <span className="text-sm text-muted-foreground">Balance</span>
        {/* Announced when a change lands. */}
        <span aria-live="polite" className="text-2xl font-semibold tabular-nums">
          {pluralize(member.tokenBalance, "token")}
        </span>
      </p>
      <TokenAdjustForm member={member} />
      <TokenHistory membershipId={member.membershipId} />
    </DialogContent>
  );
}
