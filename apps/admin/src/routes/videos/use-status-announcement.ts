import { useEffect, useRef, useState } from "react";
import type { VideoRow } from "../../lib/types";

/**
 * A sentence for a polite live region when a video finishes processing or fails: the table
 * refreshes every few seconds, and announcing every cell would drown out everything else.
 */
export function useStatusAnnouncement(videos: VideoRow[] | undefined): string {
  const seen = useRef(new Map<string, VideoRow["status"]>());
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!videos) return;
    const news: string[] = [];
    for (const video of videos) {
      const before = seen.current.get(video.id);
      if (before && before !== video.status) {
        if (video.status === "ready") news.push(`${video.title} is ready.`);
        if (video.status === "error")
          news.push(`${video.title} could not be processed: ${video.errorReasonText ?? "unknown error"}.`);
      }
      seen.current.set(video.id, video.status);
    }
    if (news.length > 0) setAnnouncement(news.join(" "));
  }, [videos]);
  return announcement;
}
