import { Alert, ConfirmDialog } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { pluralize } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import type { TierArchiveResult, TierRow } from "../../lib/types";

type ArchiveTierDialogProps = {
  tier: TierRow | null;
  onClose: () => void;
  onArchived: (result: TierArchiveResult) => unknown;
};

/** Takes a tier off sale; the dialog keeps a failure visible and offers a retry. */
export function ArchiveTierDialog({ tier, onClose, onArchived }: ArchiveTierDialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const archive = trpc.tiers.archive.useMutation();

  return (
    <ConfirmDialog
      open={tier !== null}
      onOpenChange={(open) => {
        if (open) return;
        setFailure(null);
        onClose();
      }}
      title={`Archive “${tier?.name ?? "this tier"}”?`}
      description="It leaves your pricing page and can no longer be chosen for videos. Existing subscribers keep access until their current period ends; their subscriptions will not renew."
      confirmLabel={failure ? "Try again" : "Archive tier"}
      tone="destructive"
      onConfirm={async () => {
        if (!tier) return;
        setFailure(null);
        let result: TierArchiveResult;
        try {
          result = await archive.mutateAsync({ id: tier.id });
        } catch (error) {
          setFailure(errorMessage(error));
          throw error;
        }
        await onArchived(result);
      }}
    >
      {tier && tier.subscriberCount > 0 ? (
        <p className="text-sm">
          {pluralize(tier.subscriberCount, "member")} {tier.subscriberCount === 1 ? "subscribes" : "subscribe"} to it
          now.
        </p>
      ) : null}
      {failure ? (
        <Alert tone="destructive" title="The tier was not archived">
          {failure}
        </Alert>
      ) : null}
    </ConfirmDialog>
  );
}
