import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  toast,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { trpc } from "../../../lib/trpc";
import type { VideoDetail } from "../../../lib/types";
import { CaptionUploadForm } from "./caption-upload-form";

type Track = VideoDetail["captions"][number];

export function CaptionsCard({ video }: { video: VideoDetail }) {
  const utils = trpc.useUtils();
  const [removing, setRemoving] = useState<Track | null>(null);
  const remove = trpc.videos.captions.remove.useMutation({
    onSuccess: async (_result, { language }) => {
      const label = video.captions.find((track) => track.language === language)?.label ?? language;
      toast.success(`${label} captions were deleted`);
      await utils.videos.byId.invalidate({ id: video.id });
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Captions</CardTitle>
        <CardDescription>One WebVTT file per language; viewers choose a track in the player.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {video.captions.length > 0 ? (
          <ul aria-label="Caption tracks" className="divide-y rounded-lg border">
            {video.captions.map((track) => (
              <li key={track.language} className="flex items-center justify-between gap-3 px-3 py-2">
                <span className="flex min-w-0 items-center gap-2">
                  <span className="truncate text-sm font-medium">{track.label}</span>
                  <Badge className="font-mono">{track.language}</Badge>
                </span>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={`Delete ${track.label} captions`}
                  onClick={() => setRemoving(track)}
                  className="text-muted-foreground hover:text-destructive-soft-foreground"
                >
                  <Trash2 aria-hidden="true" />
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No captions yet.</p>
        )}
        <CaptionUploadForm videoId={video.id} existing={video.captions} />
      </CardContent>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={`Delete the ${removing?.label ?? ""} captions?`}
        description="Viewers can no longer choose this track. You can upload it again later."
        confirmLabel="Delete captions"
        tone="destructive"
        onConfirm={() =>
          removing ? remove.mutateAsync({ videoId: video.id, language: removing.language }) : undefined
        }
      />
    </Card>
  );
}
