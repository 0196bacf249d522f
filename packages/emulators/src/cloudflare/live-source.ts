import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { LiveSource } from "./context.ts";
import { type Media, playlistName, readSegments } from "./media.ts";

/**
 * The clip every simulated broadcast loops: a given file, or a 12 s test pattern made once per data directory.
 * Encoded to HLS once; live windows and recordings reference its segments by index.
 */
export function liveSourceLoader(media: Media, dir: string, file: string | undefined) {
  let loading: Promise<LiveSource> | null = null;
  const load = async (): Promise<LiveSource> => {
    const hlsDir = join(dir, "hls");
    const source = file ?? join(dir, "source.mp4");
    if (!existsSync(join(hlsDir, playlistName))) {
      await mkdir(dir, { recursive: true });
      if (!file) await media.makeTestVideo(source, { seconds: 12 });
      await media.encodeHls(source, hlsDir);
    }
    const probe = await media.probe(source);
    return { file: source, hlsDir, segments: await readSegments(hlsDir), width: probe.width, height: probe.height };
  };
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/** Duration of the first `count` segments of the endlessly looped source. */
export function loopDuration(source: LiveSource, count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += source.segments[i % source.segments.length]?.duration ?? 0;
  return Math.round(total * 1000) / 1000;
}

/** How many looped segments a broadcast of `seconds` fills (at least one). */
export function segmentsFor(source: LiveSource, seconds: number): number {
  let count = 0;
  let total = 0;
  while (total < seconds || count === 0) {
    total += source.segments[count % source.segments.length]?.duration ?? 1;
    count++;
  }
  return count;
}
