import { Alert, ConfirmDialog } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { trpc } from "../../lib/trpc";
import { useUploadQueue } from "./upload/upload-queue-context";

type DeleteVideoDialogProps = {
  video: { id: string; title: string } | null;
  onClose: () => void;
  onDeleted: (video: { id: string; title: string }) => unknown;
};

/** Deletes on Cloudflare, then here. If Cloudflare fails the video stays, the dialog says why and offers a retry. */
export function DeleteVideoDialog({ video, onClose, onDeleted }: DeleteVideoDialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const { queue } = useUploadQueue();
  const remove = trpc.videos.remove.useMutation();

  return (
    <ConfirmDialog
      open={video !== null}
      onOpenChange={(open) => {
        if (open) return;
        setFailure(null);
        onClose();
      }}
      title={`Delete “${video?.title ?? "this video"}”?`}
      description="It is deleted from Cloudflare Stream with its captions, and nobody can watch it any more. This cannot be undone."
      confirmLabel={failure ? "Try again" : "Delete video"}
      tone="destructive"
      onConfirm={async () => {
        if (!video) return;
        setFailure(null);
        try {
          await remove.mutateAsync({ id: video.id });
        } catch (error) {
          setFailure(errorMessage(error));
          throw error;
        }
        queue.forgetVideo(video.id);
        await onDeleted(video);
      }}
    >
      {failure ? (
        <Alert tone="destructive" title="The video was not deleted">
          {failure}
        </Alert>
      ) : null}
    </ConfirmDialog>
  );
}
