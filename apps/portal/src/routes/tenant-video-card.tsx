import { cn, focusRing, Skeleton } from "@marquee/ui";
import { Film, Lock } from "lucide-react";
import { useId } from "react";
import { Link } from "react-router";
import { formatDuration, spokenDuration } from "../lib/format";
import type { CatalogVideo, VideoLock } from "../lib/types";

/** What would let the viewer watch a locked video, in a few words for a card. */
export function unlockLabel(lock: VideoLock): string {
  if (lock.kind === "signIn") return "Sign in to watch";
  if (lock.kind === "join") return "Join to watch";
  return lock.tierName ? `${lock.tierName} plan` : "Paid plan";
}

export function VideoCard({ video, href }: { video: CatalogVideo; href: string }) {
  const id = useId();
  // The link is named by the title; the lock and the duration describe it.
  return (
    <li>
      <Link
        to={href}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-about`}
        className={cn("group grid gap-2.5 rounded-xl", focusRing)}
      >
        <div className="relative aspect-video overflow-hidden rounded-xl bg-muted ring-1 ring-border">
          {video.thumbnailUrl ? (
            <img
              src={video.thumbnailUrl}
              alt=""
              loading="lazy"
              decoding="async"
              className="size-full object-cover transition-transform duration-300 group-hover:scale-[1.03]"
            />
          ) : (
            <ThumbnailPlaceholder />
          )}
          <span id={`${id}-about`} className="sr-only">
            {[video.locked ? `Locked: ${unlockLabel(video.locked)}` : null, duration(video)].filter(Boolean).join(". ")}
          </span>
          {video.locked ? (
            <span
              aria-hidden="true"
              className="absolute top-2 left-2 inline-flex items-center gap-1.5 rounded-full bg-black/75 px-2.5 py-1 text-xs font-medium text-white backdrop-blur-sm"
            >
              <Lock className="size-3.5" />
              {unlockLabel(video.locked)}
            </span>
          ) : null}
          {video.durationSeconds !== null ? (
            <span
              aria-hidden="true"
              className="absolute right-2 bottom-2 rounded bg-black/75 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums"
            >
              {formatDuration(video.durationSeconds)}
            </span>
          ) : null}
        </div>
        <div className="grid gap-1.5 px-0.5">
          <h2 id={`${id}-title`} className="line-clamp-2 font-medium leading-snug group-hover:text-primary">
            {video.title}
          </h2>
          {video.tags.length > 0 ? (
            <ul aria-label="Tags" className="flex flex-wrap gap-1">
              {video.tags.slice(0, 4).map((tag) => (
                <li key={tag} className="rounded-full bg-muted px-2 py-0.5 text-xs text-muted-foreground">
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </Link>
    </li>
  );
}

function duration(video: CatalogVideo): string | null {
  return video.durationSeconds === null ? null : spokenDuration(video.durationSeconds);
}

/** For videos without a thumbnail the viewer may see: signed videos keep theirs behind the lock. */
function ThumbnailPlaceholder() {
  return (
    <div
      aria-hidden="true"
      className="flex size-full items-center justify-center bg-linear-to-br from-primary-soft via-muted to-subtle text-primary-soft-foreground/60"
    >
      <Film className="size-9" />
    </div>
  );
}

export function VideoCardSkeleton() {
  return (
    <li className="grid gap-2.5">
      <Skeleton className="aspect-video rounded-xl" />
      <Skeleton className="h-4 w-4/5" />
      <Skeleton className="h-3 w-1/3" />
    </li>
  );
}
