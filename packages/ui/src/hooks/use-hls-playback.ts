import { useCallback, useEffect, useRef, useState } from "react";
import { attachHlsJs, attachNative, type CaptionTrack, type Engine, type EngineEvents } from "../lib/hls-engines";

export type PlaybackStatus = "loading" | "ready" | "error" | "unsupported";

export type HlsPlayback = {
  status: PlaybackStatus;
  captions: CaptionTrack[];
  /** The caption track on screen, or -1 when captions are off. */
  activeCaption: number;
  selectCaptions(id: number): void;
  /** Attaches the source again, resuming where the viewer was. */
  retry(): void;
};

/**
 * Plays an HLS manifest in `video`: hls.js where Media Source Extensions exist, else the
 * browser's own HLS (Safari, iOS). Starts at `startAt` seconds; a new `src` (fresh signed
 * URLs) or a retry continues from the current position.
 */
export function useHlsPlayback(video: HTMLVideoElement | null, src: string, startAt: number): HlsPlayback {
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<PlaybackStatus>("loading");
  const [captions, setCaptions] = useState<CaptionTrack[]>([]);
  const [activeCaption, setActiveCaption] = useState(-1);
  const engine = useRef<Engine | null>(null);
  const resumeAt = useRef(startAt);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    if (!video) return;
    let disposed = false;
    setStatus("loading");
    setCaptions([]);
    setActiveCaption(-1);
    const events: EngineEvents = {
      ready: () => !disposed && setStatus("ready"),
      captions: (tracks) => !disposed && setCaptions(tracks),
      activeCaption: (id) => !disposed && setActiveCaption(id),
      fatal: () => !disposed && setStatus("error"),
    };
    // hls.js is large: it loads with the first player, not with every page.
    import("hls.js").then(
      ({ default: Hls }) => {
        if (disposed) return;
        if (Hls.isSupported()) engine.current = attachHlsJs(Hls, video, src, resumeAt.current, events);
        else if (video.canPlayType("application/vnd.apple.mpegurl"))
          engine.current = attachNative(video, src, resumeAt.current, events);
        else setStatus("unsupported");
      },
      () => events.fatal(),
    );
    return () => {
      disposed = true;
      if (video.currentTime > 0) resumeAt.current = video.currentTime;
      engine.current?.destroy();
      engine.current = null;
    };
  }, [video, src, attempt]);

  const selectCaptions = useCallback((id: number) => engine.current?.selectCaptions(id), []);
  const retry = useCallback(() => setAttempt((current) => current + 1), []);
  return { status, captions, activeCaption, selectCaptions, retry };
}
