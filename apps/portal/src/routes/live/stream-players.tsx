import { VideoPlayer } from "@marquee/ui";
import { Clock } from "lucide-react";
import { useState } from "react";
import { formatClassTime, formatReplayRemaining } from "../../lib/live-format";
import { useLatest } from "../../lib/use-latest";
import { useNow } from "../../lib/use-time-until";
import { type AttendanceTarget, useClassHeartbeats } from "./use-class-heartbeats";

/**
 * A class broadcast from an encoder, as live HLS. Every poll of the page signs a new URL; the
 * player keeps the one it started with and takes the latest only to recover from a failure.
 */
export function LiveHlsPlayer({ url, attendance }: { url: string; attendance: AttendanceTarget }) {
  const latestUrl = useLatest(url);
  const [src, setSrc] = useState(url);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useClassHeartbeats(video, attendance, "live");
  return <VideoPlayer ref={setVideo} src={src} title="Live video" autoPlay onRetry={() => setSrc(latestUrl.current)} />;
}

type ReplayPlayerProps = {
  attendance: AttendanceTarget;
  hls: string;
  title: string;
  replayUntil: Date;
  onExpiredUrl: () => void;
};

/** The recording of a class, with how long it stays available. */
export function ReplayPlayer({ attendance, hls, title, replayUntil, onExpiredUrl }: ReplayPlayerProps) {
  const now = useNow(60_000);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useClassHeartbeats(video, attendance, "replay");
  return (
    <div className="grid gap-3">
      <VideoPlayer ref={setVideo} src={hls} title={title} autoPlay onRetry={onExpiredUrl} />
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Clock aria-hidden="true" className="size-4 shrink-0" />
        <span>
          Replay available for {formatReplayRemaining(replayUntil.getTime() - now)}, until{" "}
          <time dateTime={replayUntil.toISOString()}>{formatClassTime(replayUntil)}</time>.
        </span>
      </p>
    </div>
  );
}
