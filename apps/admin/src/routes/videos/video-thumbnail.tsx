import { cn } from "@marquee/ui";
import { Film } from "lucide-react";

// Signed thumbnail URLs live an hour; reuse one for half that.
const REUSE_MS = 30 * 60_000;
const shown = new Map<string, { url: string; frame: string | null; at: number }>();

/**
 * The list is read again every few seconds while videos process, each time with freshly signed
 * thumbnail URLs. Keeping the URL already shown (same frame, still valid) spares a reload per row.
 */
function steadyUrl(videoId: string, url: string): string {
  const frame = new URL(url, window.location.href).searchParams.get("time");
  const previous = shown.get(videoId);
  const now = Date.now();
  if (previous && previous.frame === frame && now - previous.at < REUSE_MS) return previous.url;
  shown.set(videoId, { url, frame, at: now });
  return url;
}

type VideoThumbnailProps = { videoId: string; url: string | null; className?: string };

export function VideoThumbnail({ videoId, url, className }: VideoThumbnailProps) {
  return (
    <span
      className={cn(
        "flex aspect-video w-24 shrink-0 items-center justify-center overflow-hidden rounded-md bg-muted text-muted-foreground",
        className,
      )}
    >
      {url ? (
        <img src={steadyUrl(videoId, url)} alt="" loading="lazy" className="size-full object-cover" />
      ) : (
        <Film aria-hidden="true" className="size-5" />
      )}
    </span>
  );
}
