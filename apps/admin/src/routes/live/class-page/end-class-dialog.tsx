import { Alert, ConfirmDialog, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { trpc } from "../../../lib/trpc";
import type { LiveClassRow } from "../../../lib/types";
import { invalidateClass } from "../use-live-class";

type EndClassDialogProps = {
  liveClass: LiveClassRow;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** A browser broadcast runs in this page: it stops first, and its recording starts uploading. */
  broadcasting: boolean;
  stopBroadcast: () => Promise<void>;
};

export function EndClassDialog({ liveClass, open, onOpenChange, broadcasting, stopBroadcast }: EndClassDialogProps) {
  const utils = trpc.useUtils();
  const [failure, setFailure] = useState<string | null>(null);
  const end = trpc.live.end.useMutation();

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setFailure(null);
        onOpenChange(next);
      }}
      title={`End ${liveClass.title}?`}
      description={
        broadcasting
          ? "Your broadcast stops and its recording uploads from this page. Enrolled members can watch the replay once it is ready."
          : "Members can no longer watch live. Enrolled members can watch the replay once it is ready."
      }
      confirmLabel={failure ? "Try again" : "End class"}
      cancelLabel="Keep teaching"
      tone="destructive"
      onConfirm={async () => {
        setFailure(null);
        try {
          if (broadcasting) await stopBroadcast();
          await end.mutateAsync({ id: liveClass.id });
        } catch (error) {
          setFailure(errorMessage(error));
          throw error;
        }
        toast.success(`${liveClass.title} has ended`);
        await invalidateClass(utils, liveClass.id);
      }}
    >
      {failure ? (
        <Alert tone="destructive" title="The class has not ended">
          {failure}
        </Alert>
      ) : null}
    </ConfirmDialog>
  );
}
