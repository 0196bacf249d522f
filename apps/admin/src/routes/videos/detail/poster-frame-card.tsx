import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  Field,
  Input,
  toast,
  useDebouncedValue,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useState } from "react";
import { formatDuration } from "../../../lib/format";
import { trpc } from "../../../lib/trpc";
import type { VideoDetail } from "../../../lib/types";

/** Cloudflare renders any second of the video as a thumbnail: `?time=12s` on the same (signed) URL. */
function thumbnailAt(url: string, seconds: number): string {
  const frame = new URL(url, window.location.href);
  frame.searchParams.set("time", `${seconds}s`);
  return frame.toString();
}

export function PosterFrameCard({ video }: { video: VideoDetail }) {
  const ready = video.status === "ready" && video.thumbnailUrl !== null && video.durationSeconds !== null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Poster frame</CardTitle>
        <CardDescription>The still shown in the catalog and before the video plays.</CardDescription>
      </CardHeader>
      {ready && video.thumbnailUrl && video.durationSeconds !== null ? (
        <PosterPicker video={video} thumbnailUrl={video.thumbnailUrl} duration={video.durationSeconds} />
      ) : (
        <CardContent className="text-sm text-muted-foreground">
          You can choose a frame once Cloudflare has finished processing the video.
        </CardContent>
      )}
    </Card>
  );
}

type PosterPickerProps = { video: VideoDetail; thumbnailUrl: string; duration: number };

function PosterPicker({ video, thumbnailUrl, duration }: PosterPickerProps) {
  const utils = trpc.useUtils();
  const max = Math.max(0, Math.floor(duration));
  const saved = Math.min(Math.round(video.posterSeconds ?? 0), max);
  const [draft, setDraft] = useState(String(saved));
  const parsed = Number.parseInt(draft, 10);
  const seconds = Number.isNaN(parsed) ? saved : Math.min(Math.max(parsed, 0), max);
  // The image is fetched from Cloudflare: wait until the slider rests.
  const shown = useDebouncedValue(seconds, 300);
  const update = trpc.videos.update.useMutation({
    onSuccess: async (updated) => {
      utils.videos.byId.setData({ id: video.id }, updated);
      toast.success("Poster frame saved");
      await utils.videos.list.invalidate();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <>
      <CardContent className="grid gap-5 sm:grid-cols-[minmax(0,18rem)_1fr] sm:items-start">
        <img
          src={thumbnailAt(thumbnailUrl, shown)}
          alt={`Frame at ${formatDuration(shown)}`}
          className="aspect-video w-full rounded-md border bg-muted object-cover"
        />
        <div className="grid gap-4">
          <Field label="Second" description={`From 0 to ${max} (${formatDuration(max)}).`}>
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              max={max}
              step={1}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onBlur={() => setDraft(String(seconds))}
              className="w-28"
            />
          </Field>
          <input
            type="range"
            min={0}
            max={max}
            step={1}
            value={seconds}
            aria-label="Poster frame position"
            aria-valuetext={`${formatDuration(seconds)} of ${formatDuration(max)}`}
            onChange={(event) => setDraft(event.target.value)}
            className="w-full cursor-pointer accent-primary"
          />
        </div>
      </CardContent>
      <CardFooter className="justify-end">
        <Button
          size="sm"
          loading={update.isPending}
          disabled={seconds === saved}
          onClick={() => update.mutate({ id: video.id, posterSeconds: seconds })}
        >
          Use this frame
        </Button>
      </CardFooter>
    </>
  );
}
