import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";

/** A 2 s 320x240 H.264/AAC clip from ffmpeg's test sources, for the emulator to encode. */
export async function makeFixtureVideo(): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "marquee-stream-"));
  const file = join(dir, "clip.mp4");
  try {
    await promisify(execFile)(ffmpegInstaller.path, [
      ...["-hide_banner", "-nostdin", "-y"],
      ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:duration=2"],
      ...[
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-g",
        "50",
        "-c:a",
        "aac",
        "-shortest",
        file,
      ],
    ]);
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error("waitFor timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
