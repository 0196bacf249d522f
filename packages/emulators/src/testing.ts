import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** A committed 4 s 320x240 H.264/AAC clip (ffmpeg test pattern and a 440 Hz tone), for uploads in tests. */
export const TEST_VIDEO_PATH = fileURLToPath(new URL("../fixtures/lesson-4s.mp4", import.meta.url));

export async function readTestVideo(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(TEST_VIDEO_PATH));
}
