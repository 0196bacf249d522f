import { Button, Spinner } from "@marquee/ui";
import { Volume2, VolumeX } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { useLatest } from "../../lib/use-latest";
import { type AttendanceTarget, useClassHeartbeats } from "./use-class-heartbeats";
import { type StreamStatus, useWhepStream } from "./use-whep-stream";

const STATUS_TEXT: Record<StreamStatus, string> = {
  connecting: "Connecting to the class…",
  waiting: "Waiting for the instructor's video…",
  playing: "",
  reconnecting: "Reconnecting…",
};

/**
 * A class broadcast from the instructor's browser, played over WebRTC (WHEP). The signed URL
 * is renewed by every poll of the page; a playing connection keeps the one it started with,
 * and only a new connection (after a failure) takes the latest.
 */
export function WhepPlayer({ url, attendance }: { url: string; attendance: AttendanceTarget }) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const latestUrl = useLatest(url);
  const status = useWhepStream(video, latestUrl);
  useClassHeartbeats(video, attendance, "live");
  const muted = useMuted(video);
  const attach = useCallback((node: HTMLVideoElement | null) => {
    // Reflected as the `muted` attribute: browsers only autoplay silent video.
    if (node) node.defaultMuted = true;
    setVideo(node);
  }, []);

  const toggleSound = () => {
    if (!video) return;
    video.muted = !video.muted;
    if (!video.muted) void video.play().catch(() => undefined);
  };

  return (
    <div className="grid gap-3">
      <div className="relative aspect-video overflow-hidden rounded-xl bg-black shadow-sm">
        <video ref={attach} aria-label="Live video" autoPlay playsInline muted controls className="size-full" />
        <div
          role="status"
          className={
            status === "playing"
              ? "sr-only"
              : "pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-3 bg-black/70 px-6 text-center text-white"
          }
        >
          {status === "playing" ? "The class is playing." : null}
          {status !== "playing" ? <Spinner className="size-7" label={null} /> : null}
          {status !== "playing" ? <p className="font-medium">{STATUS_TEXT[status]}</p> : null}
        </div>
      </div>
      <div className="flex justify-end">
        <Button variant={muted ? "primary" : "outline"} size="sm" onClick={toggleSound} disabled={!video}>
          {muted ? <VolumeX aria-hidden="true" /> : <Volume2 aria-hidden="true" />}
          {muted ? "Unmute" : "Mute"}
        </Button>
      </div>
    </div>
  );
}

/** Whether the video is muted, following the native controls too. */
function useMuted(video: HTMLVideoElement | null): boolean {
  const [muted, setMuted] = useState(true);
  useEffect(() => {
    if (!video) return;
    const sync = () => setMuted(video.muted);
    sync();
    video.addEventListener("volumechange", sync);
    return () => video.removeEventListener("volumechange", sync);
  }, [video]);
  return muted;
}
