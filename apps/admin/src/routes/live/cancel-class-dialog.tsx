import { Alert, ConfirmDialog, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { formatTokenPrice, pluralize } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import type { LiveClassRow } from "../../lib/types";
import { invalidateClass } from "./use-live-class";

type CancelClassDialogProps = {
  liveClass: LiveClassRow | null;
  onClose: () => void;
  onCancelled?: () => unknown;
};

function refundSentence({ enrolled, priceTokens }: LiveClassRow): string {
  if (enrolled === 0) return "Nobody has enrolled yet.";
  const members = pluralize(enrolled, "enrolled member");
  if (priceTokens === 0) return `${members} will lose their seat; the class was free, so there is nothing to refund.`;
  return `${members} will get their ${formatTokenPrice(priceTokens)} back.`;
}

/** Cancels a class that has not started; the server refunds every enrollee. */
export function CancelClassDialog({ liveClass, onClose, onCancelled }: CancelClassDialogProps) {
  const utils = trpc.useUtils();
  const [failure, setFailure] = useState<string | null>(null);
  const cancel = trpc.live.cancel.useMutation();

  return (
    <ConfirmDialog
      open={liveClass !== null}
      onOpenChange={(open) => {
        if (open) return;
        setFailure(null);
        onClose();
      }}
      title={`Cancel ${liveClass?.title ?? "this class"}?`}
      description={liveClass ? refundSentence(liveClass) : ""}
      confirmLabel={failure ? "Try again" : "Cancel class"}
      cancelLabel="Keep class"
      tone="destructive"
      onConfirm={async () => {
        if (!liveClass) return;
        setFailure(null);
        try {
          const { refunded } = await cancel.mutateAsync({ id: liveClass.id });
          toast.success(`${liveClass.title} was cancelled`, {
            description: refunded > 0 ? `${pluralize(refunded, "member")} refunded.` : undefined,
          });
        } catch (error) {
          setFailure(errorMessage(error));
          throw error;
        }
        await invalidateClass(utils, liveClass.id);
        await onCancelled?.();
      }}
    >
      {failure ? (
        <Alert tone="destructive" title="The class was not cancelled">
          {failure}
        </Alert>
      ) : null}
    </ConfirmDialog>
  );
}
