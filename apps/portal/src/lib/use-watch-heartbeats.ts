import { errorStatus } from "@marquee/ui/trpc";
import { useEffect } from "react";
import { trpc } from "./trpc";

const HEARTBEAT_MS = 15_000;
/** A jump of currentTime larger than this between two `timeupdate`s is a seek, not watching. */
const MAX_STEP_SECONDS = 3;

type WatchTarget = { tenantSlug: string; videoId: string; enabled: boolean };

/**
 * Reports a member's viewing: every 15 s while playing, and on pause, end, hiding the page
 * and leaving it. Each heartbeat carries the seconds actually played since the previous one
 * (seeks do not count) and the position, which is where the next visit resumes.
 */
export function useWatchHeartbeats(video: HTMLVideoElement | null, { tenantSlug, videoId, enabled }: WatchTarget) {
  const { client } = trpc.useUtils();

  useEffect(() => {
    if (!video || !enabled) return;
    let sessionId: string | null = null;
    let queue = Promise.resolve();
    let refused = false;
    let watched = 0;
    let lastTime = video.currentTime;
    let lastSentPosition: number | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;

    const send = () => {
      const position = video.currentTime;
      // Whole seconds go now; the fraction waits for the next heartbeat.
      const watchedSeconds = Math.floor(watched);
      if (refused || (watchedSeconds === 0 && position === lastSentPosition)) return;
      watched -= watchedSeconds;
      lastSentPosition = position;
      // One at a time, so every heartbeat of this viewing carries the session the first one opened.
      queue = queue.then(async () => {
        try {
          const beat = { videoId, sessionId, position, watchedSeconds };
          ({ sessionId } = await client.playback.heartbeat.mutate(beat, { context: { tenantSlug } }));
        } catch (error) {
          // Analytics never interrupt watching; a refusal (signed out, video removed) ends them for this viewing.
          const status = errorStatus(error);
          if (status !== null && status >= 400 && status < 500) refused = true;
        }
      });
    };

    const onTimeUpdate = () => {
      const step = video.currentTime - lastTime;
      if (!video.paused && !video.seeking && step > 0 && step <= MAX_STEP_SECONDS * video.playbackRate) watched += step;
      lastTime = video.currentTime;
    };
    const onSeeked = () => {
      lastTime = video.currentTime;
    };
    const onPlaying = () => {
      clearInterval(timer);
      timer = setInterval(send, HEARTBEAT_MS);
    };
    const onStop = () => {
      clearInterval(timer);
      send();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") send();
    };

    const listeners: [EventTarget, string, () => void][] = [
      [video, "timeupdate", onTimeUpdate],
      [video, "seeked", onSeeked],
      [video, "playing", onPlaying],
      [video, "pause", onStop],
      [video, "ended", onStop],
      [document, "visibilitychange", onVisibility],
      [window, "pagehide", send],
    ];
    for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
    if (!video.paused) onPlaying();
    return () => {
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
      clearInterval(timer);
      // Leaving the page (or the video) ends the viewing with a last report.
      send();
    };
  }, [video, enabled, tenantSlug, videoId, client]);
}
