import { RefreshCw, TriangleAlert } from "lucide-react";
import { type Ref, useCallback, useEffect, useState } from "react";
import { type HlsPlayback, useHlsPlayback } from "../hooks/use-hls-playback";
import { cn } from "../lib/cn";
import { Button } from "./button";
import { CaptionsMenu } from "./captions-menu";
import { Spinner } from "./spinner";

type VideoPlayerProps = {
  /** The HLS manifest (`.m3u8`), signed or not. */
  src: string;
  /** The accessible name of the <video>: usually the video's title. */
  title: string;
  poster?: string | null;
  /** Seconds to start at, e.g. where the viewer stopped last time. */
  startAt?: number;
  autoPlay?: boolean;
  /** Called with "Try again" after a fatal error, e.g. to fetch fresh signed URLs. */
  onRetry?: () => void;
  /** The <video> element, for whatever listens to playback (heartbeats, analytics). */
  ref?: Ref<HTMLVideoElement>;
  className?: string;
};

/** An HLS player: native controls, a captions language menu, resume, and a retry after failures. */
export function VideoPlayer({ src, title, poster, startAt = 0, autoPlay, onRetry, ref, className }: VideoPlayerProps) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const playback = useHlsPlayback(video, src, startAt);
  const selectCaptions = useRememberedCaptions(playback);
  const attachVideo = useCallback(
    (node: HTMLVideoElement | null) => {
      setVideo(node);
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  const retry = () => {
    playback.retry();
    onRetry?.();
  };

  return (
    <div className={cn("grid gap-3", className)}>
      <div className="relative aspect-video overflow-hidden rounded-xl bg-black shadow-sm">
        {/* biome-ignore lint/a11y/useMediaCaption: caption tracks come from the HLS manifest, not <track>. */}
        <video
          ref={attachVideo}
          aria-label={title}
          controls
          playsInline
          autoPlay={autoPlay}
          preload="metadata"
          poster={poster ?? undefined}
          className="size-full"
        />
        {playback.status === "loading" ? (
          <div
            role="status"
            className="pointer-events-none absolute inset-0 flex items-center justify-center text-white"
          >
            <Spinner className="size-8" label="Loading video" />
          </div>
        ) : null}
        {playback.status === "error" || playback.status === "unsupported" ? (
          <PlayerProblem unsupported={playback.status === "unsupported"} onRetry={retry} />
        ) : null}
      </div>
      {playback.captions.length > 0 ? (
        <div className="flex justify-end">
          <CaptionsMenu tracks={playback.captions} active={playback.activeCaption} onSelect={selectCaptions} />
        </div>
      ) : null}
    </div>
  );
}

function PlayerProblem({ unsupported, onRetry }: { unsupported: boolean; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-black/85 px-6 text-center text-white"
    >
      <TriangleAlert aria-hidden="true" className="size-7 text-amber" />
      <div className="grid max-w-sm gap-1">
        <p className="font-semibold">
          {unsupported ? "This browser cannot play this video" : "The video could not be played"}
        </p>
        <p className="text-sm text-white/75">
          {unsupported
            ? "Try a recent version of Chrome, Edge, Firefox or Safari."
            : "We could not load the video. Check your connection and try again."}
        </p>
      </div>
      {unsupported ? null : (
        <Button variant="outline" size="sm" onClick={onRetry}>
          <RefreshCw aria-hidden="true" />
          Try again
        </Button>
      )}
    </div>
  );
}

const CAPTIONS_KEY = "marquee:captions-language";

/** Someone who turned on Spanish captions once gets them on the next video too. */
function useRememberedCaptions({ captions, selectCaptions }: HlsPlayback) {
  useEffect(() => {
    const preferred = readPreference();
    const match = captions.find((track) => track.language === preferred);
    if (match) selectCaptions(match.id);
  }, [captions, selectCaptions]);
  return useCallback(
    (id: number) => {
      selectCaptions(id);
      writePreference(captions.find((track) => track.id === id)?.language ?? null);
    },
    [captions, selectCaptions],
  );
}

function readPreference(): string | null {
  try {
    return localStorage.getItem(CAPTIONS_KEY);
  } catch {
    return null;
  }
}

function writePreference(language: string | null) {
  try {
    if (language) localStorage.setItem(CAPTIONS_KEY, language);
    else localStorage.removeItem(CAPTIONS_KEY);
  } catch {
    // Storage can be disabled (private modes); the choice then lasts for this video only.
  }
}
