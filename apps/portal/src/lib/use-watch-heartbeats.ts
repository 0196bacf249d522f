import { errorStatus } from "@marquee/ui/trpc";
import { useEffect } from "react";
import { beatWhilePlaying } from "./beat-while-playing";
import { trpc } from "./trpc";

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

    // Leaving the page (or the video) ends the viewing with a last report.
    return beatWhilePlaying(video, {
      measure: () => {
        const step = video.currentTime - lastTime;
        if (!video.paused && !video.seeking && step > 0 && step <= MAX_STEP_SECONDS * video.playbackRate) {
          watched += step;
        }
        lastTime = video.currentTime;
      },
      resync: () => {
        lastTime = video.currentTime;
      },
      send,
    });
  }, [video, enabled, tenantSlug, videoId, client]);
}
