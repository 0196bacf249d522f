import { WEBVTT_CUE_TIMING as CUE_TIMING, WEBVTT_HEADER as HEADER, MAX_CAPTION_BYTES } from "@marquee/api/validators";
import { formatBytes } from "../../../lib/format";

// The server's own test, so a file the browser accepts is not refused after the upload.
export { MAX_CAPTION_BYTES };

export type WebVttCheck = { ok: true; text: string } | { ok: false; message: string };

/** Reads a caption file and says, in a sentence, why it is not WebVTT when it is not. */
export async function readWebVtt(file: File): Promise<WebVttCheck> {
  if (file.size === 0) return { ok: false, message: "This file is empty." };
  if (file.size > MAX_CAPTION_BYTES) {
    return { ok: false, message: `Caption files up to 1 MB are accepted; this one is ${formatBytes(file.size)}.` };
  }
  const text = await file.text();
  if (!HEADER.test(text)) {
    return {
      ok: false,
      message:
        "This is not a WebVTT file: its first line must be WEBVTT. Convert SRT and other caption formats to WebVTT first.",
    };
  }
  if (!CUE_TIMING.test(text)) {
    return {
      ok: false,
      message: "This WebVTT file has no cues: it needs at least one timing line such as 00:00:01.000 --> 00:00:04.000.",
    };
  }
  return { ok: true, text };
}
