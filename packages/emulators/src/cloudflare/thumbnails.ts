import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Emulator } from "./context.ts";
import type { Playable } from "./hls.ts";
import type { Fit } from "./media.ts";
import { sourceFile } from "./processing.ts";

type Query = (key: string) => string | undefined;

/** `time` as Cloudflare writes it: `1s`, `8m`, `5m2s`, `1h2m`, or bare seconds. */
export function parseTime(value: string | undefined): number | null {
  if (!value) return null;
  const match = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s?)?$/.exec(value);
  if (!match || value === "") return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

const dimension = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 8 && n <= 4096 ? n : null;
};
const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
const fits: Fit[] = ["crop", "clip", "scale", "fill"];

// Concurrent requests for the same new thumbnail share one ffmpeg run instead of racing on the file.
const rendering = new Map<string, Promise<void>>();
function renderOnce(out: string, render: () => Promise<void>): Promise<void> {
  if (existsSync(out)) return Promise.resolve();
  let job = rendering.get(out);
  if (!job) {
    job = render().finally(() => rendering.delete(out));
    rendering.set(out, job);
  }
  return job;
}

/**
 * Renders (and caches) a thumbnail. Without width/height we keep the source's aspect at 640 wide rather than
 * Cloudflare's documented 640x640 default, which would crop every landscape video to a square.
 */
export async function thumbnail(emu: Emulator, playable: Playable, query: Query, animated: boolean) {
  const encoded = playable.rendition.kind === "encoded";
  const source = encoded ? sourceFile(emu, playable.uid) : (await emu.liveSource()).file;
  const duration = encoded ? playable.duration : 10;
  const aspect = playable.width > 0 && playable.height > 0 ? playable.width / playable.height : 4 / 3;
  let width = dimension(query("width"));
  let height = dimension(query("height"));
  if (!width && !height) width = 640;
  width ??= even((height ?? 480) * aspect);
  height ??= even(width / aspect);
  const fitParam = query("fit");
  const fit = fits.find((f) => f === fitParam) ?? "crop";
  const requested = parseTime(query("time")) ?? 0;
  const time = Math.max(0, Math.min(requested, duration - 0.1));
  const cacheDir = join(encoded ? emu.store.paths.video(playable.uid) : emu.store.paths.liveSource, "thumbnails");
  await mkdir(cacheDir, { recursive: true });
  const request = { time, width, height, fit };
  if (!animated) {
    const out = join(cacheDir, `${time.toFixed(2)}-${width}x${height}-${fit}.jpg`);
    await renderOnce(out, () => emu.media.thumbnail(source, out, request));
    return out;
  }
  const seconds = Math.min(parseTime(query("duration")) ?? 5, 15);
  const fps = Math.min(Math.max(Number(query("fps")) || 8, 1), 15);
  const out = join(cacheDir, `${time.toFixed(2)}-${width}x${height}-${fit}-${seconds}s-${fps}.gif`);
  await renderOnce(out, () => emu.media.animatedThumbnail(source, out, { ...request, seconds, fps }));
  return out;
}

/** The default frame: `thumbnailTimestampPct` of the duration, else 0 s. */
export function defaultTime(pct: number, duration: number): string {
  return `${Math.max(0, pct * Math.max(duration, 0)).toFixed(2)}s`;
}
