/** How often a playing video reports (the server counts a live viewer for three of these). */
export const HEARTBEAT_MS = 15_000;

type Beats = {
  /** On every `timeupdate`: add what was watched since the previous one. */
  measure: () => void;
  /** When playback starts again or jumps: forget the previous `timeupdate`. */
  resync: () => void;
  /** Report what was measured (whole seconds; the rest waits). */
  send: () => void;
};

/**
 * Drives a player's heartbeats: `send` every 15 s while the video plays, and once more when
 * it pauses or ends, when the page is hidden or closed, and when the returned stop runs
 * (the player goes away).
 */
export function beatWhilePlaying(video: HTMLVideoElement, { measure, resync, send }: Beats): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const onPlaying = () => {
    resync();
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
    [video, "timeupdate", measure],
    [video, "seeking", resync],
    [video, "seeked", resync],
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
    send();
  };
}
