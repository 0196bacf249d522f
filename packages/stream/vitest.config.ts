import { defineConfig } from "vitest/config";

// The emulator tests encode real (tiny) videos with ffmpeg; everything else runs in milliseconds.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
});
