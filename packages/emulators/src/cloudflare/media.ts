import { spawn } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export type Probe = { duration: number | null; width: number; height: number; hasVideo: boolean };
export type Segment = { file: string; duration: number };
export type Fit = "crop" | "clip" | "scale" | "fill";
export type ThumbnailRequest = { time: number; width: number; height: number; fit: Fit };

export type Media = {
  probe: (path: string) => Promise<Probe>;
  encodeHls: (source: string, outDir: string) => Promise<void>;
  thumbnail: (source: string, out: string, request: ThumbnailRequest) => Promise<void>;
  animatedThumbnail: (
    source: string,
    out: string,
    request: ThumbnailRequest & { seconds: number; fps: number },
  ) => Promise<void>;
  makeTestVideo: (out: string, options?: { seconds?: number; width?: number; height?: number }) => Promise<void>;
};

export const playlistName = "index.m3u8";

function run(ffmpeg: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ["-hide_banner", "-nostdin", ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      // Only the head (stream info) and tail (errors) matter; cap memory on long encodes.
      stderr = (stderr + chunk.toString()).slice(-64_000);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

async function runOrThrow(ffmpeg: string, args: string[]): Promise<void> {
  const { code, stderr } = await run(ffmpeg, args);
  if (code !== 0) throw new Error(`ffmpeg failed (${code}): ${stderr.split("\n").slice(-4).join(" ")}`);
}

/** Parses `ffmpeg -i` diagnostics; images and non-media report no duration or no video stream. */
export function parseProbe(stderr: string): Probe {
  const duration = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  const video = /Stream #[^\n]*Video: [^\n]*?, (\d{2,5})x(\d{2,5})/.exec(stderr);
  return {
    duration: duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : null,
    width: video ? Number(video[1]) : -1,
    height: video ? Number(video[2]) : -1,
    hasVideo: video !== null,
  };
}

/** The last `time=` ffmpeg reports while reading a file through: how far its packets reach, in seconds. */
export function parseReadTime(stderr: string): number | null {
  const times = [...stderr.matchAll(/time=(\d+):(\d\d):(\d\d(?:\.\d+)?)/g)];
  const last = times.at(-1);
  if (!last) return null;
  const seconds = Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]);
  return seconds > 0 ? seconds : null;
}

export async function readSegments(dir: string): Promise<Segment[]> {
  const text = await readFile(join(dir, playlistName), "utf8");
  const segments: Segment[] = [];
  let duration = 0;
  for (const line of text.split("\n")) {
    const extinf = /^#EXTINF:([\d.]+)/.exec(line);
    if (extinf) duration = Number(extinf[1]);
    else if (line && !line.startsWith("#")) segments.push({ file: line.trim(), duration });
  }
  return segments;
}

function fitFilter({ width, height, fit }: ThumbnailRequest): string {
  const even = "scale=trunc(iw/2)*2:trunc(ih/2)*2";
  switch (fit) {
    case "scale":
      return `scale=${width}:${height}`;
    case "clip":
      return `scale=${width}:${height}:force_original_aspect_ratio=decrease,${even}`;
    case "fill":
      return `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2`;
    default:
      return `scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height}`;
  }
}

export function createMedia(ffmpeg: string, segmentSeconds: number): Media {
  return {
    async probe(path) {
      // `ffmpeg -i` without an output exits non-zero by design; the diagnostics are what we want.
      const probe = parseProbe((await run(ffmpeg, ["-i", path])).stderr);
      if (probe.duration !== null || !probe.hasVideo) return probe;
      // A recording written as it happens (a browser's MediaRecorder WebM) has no duration in
      // its header: read the packets through, without decoding, to find where they end.
      const read = await run(ffmpeg, ["-i", path, "-c", "copy", "-f", "null", "-"]);
      return { ...probe, duration: read.code === 0 ? parseReadTime(read.stderr) : null };
    },
    async encodeHls(source, outDir) {
      await mkdir(outDir, { recursive: true });
      await runOrThrow(ffmpeg, [
        ...["-y", "-i", source, "-map", "0:v:0", "-map", "0:a:0?"],
        ...["-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", "-c:v", "libx264", "-preset", "veryfast"],
        // The source's own frame times: a browser's recording has irregular ones, and a constant
        // rate guessed from them (up to 1000 fps) would duplicate nearly every frame. x264 is told
        // a usual rate, or it would pick its level for that guess.
        ...["-pix_fmt", "yuv420p", "-vsync", "vfr", "-x264-params", "fps=30"],
        ...["-c:a", "aac", "-ac", "2", "-b:a", "96k"],
        ...["-force_key_frames", `expr:gte(t,n_forced*${segmentSeconds})`],
        ...["-f", "hls", "-hls_time", String(segmentSeconds), "-hls_playlist_type", "vod"],
        ...["-hls_segment_filename", join(outDir, "seg_%03d.ts"), join(outDir, playlistName)],
      ]);
    },
    async thumbnail(source, out, request) {
      await runOrThrow(ffmpeg, [
        ...["-y", "-ss", request.time.toFixed(3), "-i", source],
        ...["-frames:v", "1", "-vf", fitFilter(request), "-q:v", "4", out],
      ]);
    },
    async animatedThumbnail(source, out, request) {
      await runOrThrow(ffmpeg, [
        ...["-y", "-ss", request.time.toFixed(3), "-t", String(request.seconds), "-i", source],
        ...["-vf", `fps=${request.fps},${fitFilter(request)}`, "-loop", "0", out],
      ]);
    },
    async makeTestVideo(out, options = {}) {
      const { seconds = 4, width = 320, height = 240 } = options;
      await runOrThrow(ffmpeg, [
        ...["-y", "-f", "lavfi", "-i", `testsrc=size=${width}x${height}:rate=25:duration=${seconds}`],
        ...["-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`],
        ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50"],
        ...["-c:a", "aac", "-shortest", out],
      ]);
    },
  };
}
