import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Emulator } from "./context.ts";
import { readSegments, type Segment } from "./media.ts";
import { hlsDir } from "./processing.ts";
import type { Caption, Rendition } from "./types.ts";

/** What the customer domain plays: a video's own encode, or the looped live source (live or recorded). */
export type Playable = {
  uid: string;
  rendition: Rendition;
  width: number;
  height: number;
  captions: Caption[];
  duration: number;
};

const cache = new Map<string, Promise<Segment[]>>();
function segmentsIn(dir: string): Promise<Segment[]> {
  let segments = cache.get(dir);
  if (!segments) {
    segments = readSegments(dir);
    cache.set(dir, segments);
    segments.catch(() => cache.delete(dir));
  }
  return segments;
}

async function sourceOf(emu: Emulator, playable: Playable) {
  if (playable.rendition.kind === "encoded") {
    const dir = hlsDir(emu, playable.uid);
    return { dir, segments: await segmentsIn(dir) };
  }
  const live = await emu.liveSource();
  return { dir: live.hlsDir, segments: live.segments };
}

/** Live window: the last three segments completed since the broadcast began (at least the first one). */
function liveWindow(segments: Segment[], since: number, now: number) {
  const elapsed = (now - since) / 1000;
  let completed = 0;
  let clock = 0;
  while (completed < 100_000) {
    clock += segments[completed % segments.length]?.duration ?? 1;
    if (clock > elapsed) break;
    completed++;
  }
  const last = Math.max(completed, 1);
  return { first: Math.max(0, last - 3), last };
}

export async function mediaPlaylist(emu: Emulator, playable: Playable): Promise<string> {
  const { segments } = await sourceOf(emu, playable);
  const n = segments.length;
  const { rendition } = playable;
  const live = rendition.kind === "loop" && rendition.liveSince !== null;
  const range =
    rendition.kind === "loop" && rendition.liveSince !== null
      ? liveWindow(segments, rendition.liveSince, emu.clock.now().getTime())
      : { first: 0, last: rendition.kind === "loop" ? (rendition.segmentCount ?? n) : n };
  const target = Math.ceil(Math.max(...segments.map((s) => s.duration), 1));
  const lines = [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    `#EXT-X-TARGETDURATION:${target}`,
    `#EXT-X-MEDIA-SEQUENCE:${range.first}`,
  ];
  if (rendition.kind === "loop") lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(range.first / n)}`);
  if (!live) lines.push("#EXT-X-PLAYLIST-TYPE:VOD");
  for (let i = range.first; i < range.last; i++) {
    // Each pass over the looped source restarts its timestamps, which players must be told.
    if (i > range.first && i % n === 0) lines.push("#EXT-X-DISCONTINUITY");
    lines.push(`#EXTINF:${segments[i % n]?.duration.toFixed(3)},`, `seg/${i}.ts`);
  }
  if (!live) lines.push("#EXT-X-ENDLIST");
  return `${lines.join("\n")}\n`;
}

/** A media segment's file and its duration in seconds (what delivery analytics count). */
export async function segmentFile(
  emu: Emulator,
  playable: Playable,
  index: number,
): Promise<{ path: string; duration: number } | null> {
  const { dir, segments } = await sourceOf(emu, playable);
  const count = playable.rendition.kind === "loop" ? Number.POSITIVE_INFINITY : segments.length;
  const segment = index < count ? segments[index % segments.length] : undefined;
  return segment ? { path: join(dir, segment.file), duration: segment.duration } : null;
}

export async function masterPlaylist(emu: Emulator, playable: Playable): Promise<string> {
  const { dir, segments } = await sourceOf(emu, playable);
  const sizes = await Promise.all(
    segments.map((s) =>
      stat(join(dir, s.file)).then(
        (st) => st.size,
        () => 0,
      ),
    ),
  );
  const seconds = segments.reduce((sum, s) => sum + s.duration, 0) || 1;
  const bandwidth = Math.max(64_000, Math.round((sizes.reduce((a, b) => a + b, 0) * 8) / seconds));
  const captions = playable.captions.filter((cap) => cap.status === "ready");
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3"];
  for (const cap of captions) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="${cap.label}",LANGUAGE="${cap.language}",DEFAULT=NO,AUTOSELECT=YES,URI="subs/${cap.language}.m3u8"`,
    );
  }
  const subs = captions.length > 0 ? ',SUBTITLES="subs"' : "";
  lines.push(
    `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},RESOLUTION=${playable.width}x${playable.height}${subs}`,
    "stream.m3u8",
  );
  return `${lines.join("\n")}\n`;
}

export function subtitlePlaylist(playable: Playable, language: string): string {
  const duration = Math.max(playable.duration, 1);
  return [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    `#EXT-X-TARGETDURATION:${Math.ceil(duration)}`,
    "#EXT-X-MEDIA-SEQUENCE:0",
    "#EXT-X-PLAYLIST-TYPE:VOD",
    `#EXTINF:${duration.toFixed(3)},`,
    `${language}.vtt`,
    "#EXT-X-ENDLIST",
    "",
  ].join("\n");
}
