import { Card, CardContent, CardHeader, CardTitle, VideoPlayer } from "@marquee/ui";
import { useEffect, useRef, useState } from "react";
import type { VideoDetail } from "../../../lib/types";

/**
 * The video as members will see it. Each read of the video signs a new preview URL; the player
 * keeps the one it started with (a new src would restart playback) and takes the latest on a retry.
 */
export function VideoPreviewCard({ video, previewUrl }: { video: VideoDetail; previewUrl: string }) {
  const [src, setSrc] = useState(previewUrl);
  const latest = useRef(previewUrl);
  useEffect(() => {
    latest.current = previewUrl;
  }, [previewUrl]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Preview</CardTitle>
      </CardHeader>
      <CardContent>
        <VideoPlayer src={src} title={video.title} poster={video.thumbnailUrl} onRetry={() => setSrc(latest.current)} />
      </CardContent>
    </Card>
  );
}
