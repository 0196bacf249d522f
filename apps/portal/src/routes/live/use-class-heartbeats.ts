import { errorStatus } from "@marquee/ui/trpc";
import { useEffect } from "react";
import { beatWhilePlaying } from "../../lib/beat-while-playing";
import { trpc } from "../../lib/trpc";

/** `timeupdate` fires every quarter second or so while a video plays; a longer gap was a stall or a freeze. */
const MAX_STEP_MS = 1_000;

/** The class whose attendance a player reports, and the organization it belongs to. */
export type AttendanceTarget = { tenantSlug: string; classId: string };

/**
 * Reports attendance of a class: every 15 s while the video plays, and on pause, end,
 * hiding and leaving the page. It counts wall time while the picture moves rather than the
 * playhead, which a live WebRTC stream and a live HLS window each advance their own way
 * (and a replay's seeks jump); whole seconds go, the fraction waits for the next beat.
 */
export function useClassHeartbeats(
  video: HTMLVideoElement | null,
  { tenantSlug, classId }: AttendanceTarget,
  kind: "live" | "replay",
) {
  const { client } = trpc.useUtils();

  useEffect(() => {
    if (!video) return;
    let refused = false;
    let watched = 0;
    let lastTick = performance.now();
    let lastTime = video.currentTime;

    const report = async (watchedSeconds: number) => {
      try {
        await client.live.heartbeat.mutate({ classId, kind, watchedSeconds }, { context: { tenantSlug } });
      } catch (error) {
        // Attendance never interrupts watching; a refusal (signed out, seat refunded) ends it for this viewing.
        const status = errorStatus(error);
        if (status !== null && status >= 400 && status < 500) refused = true;
      }
    };
    const send = () => {
      const watchedSeconds = Math.floor(watched);
      if (refused || watchedSeconds === 0) return;
      watched -= watchedSeconds;
      void report(watchedSeconds);
    };

    // The class ends (the player swaps) or the member leaves: a last report.
    return beatWhilePlaying(video, {
      measure: () => {
        const now = performance.now();
        const moved = video.currentTime !== lastTime;
        if (moved && !video.paused && !video.seeking) watched += Math.min(now - lastTick, MAX_STEP_MS) / 1000;
        lastTick = now;
        lastTime = video.currentTime;
      },
      resync: () => {
        lastTick = performance.now();
        lastTime = video.currentTime;
      },
      send,
    });
  }, [video, tenantSlug, classId, kind, client]);
}
