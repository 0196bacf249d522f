/** Cloudflare Stream's own ceiling for one upload. */
export const MAX_VIDEO_BYTES = 30 * 1024 ** 3;

// Browsers leave `type` empty for some containers (.mkv, .mts), so known extensions count too.
const VIDEO_TYPES_BY_EXTENSION: Record<string, string> = {
  "3gp": "video/3gpp",
  avi: "video/x-msvideo",
  flv: "video/x-flv",
  m2ts: "video/mp2t",
  m4v: "video/x-m4v",
  mkv: "video/x-matroska",
  mov: "video/quicktime",
  mp4: "video/mp4",
  mpeg: "video/mpeg",
  mpg: "video/mpeg",
  mts: "video/mp2t",
  mxf: "application/mxf",
  ogv: "video/ogg",
  webm: "video/webm",
  wmv: "video/x-ms-wmv",
};

/** The input's `accept` hint: the picker shows videos first, dropped files are checked below. */
export const VIDEO_ACCEPT = ["video/*", ...Object.keys(VIDEO_TYPES_BY_EXTENSION).map((ext) => `.${ext}`)].join(",");

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** The MIME type to declare to the server, also for files the browser could not type. */
export function videoMimeType(file: File): string {
  if (file.type.startsWith("video/")) return file.type;
  return VIDEO_TYPES_BY_EXTENSION[extensionOf(file.name)] ?? file.type;
}

/** "Lesson 3 – Kata.mp4" -> "Lesson 3 – Kata": a starting title, edited later on the video's page. */
export function titleFromFileName(name: string): string {
  const ext = extensionOf(name);
  const base = ext ? name.slice(0, -(ext.length + 1)) : name;
  return (base.trim() || name.trim() || "Untitled video").slice(0, 200);
}

/** Why this file cannot be uploaded, in a sentence, or null when it can. */
export function findVideoFileProblem(file: File): string | null {
  const isVideo = file.type.startsWith("video/") || extensionOf(file.name) in VIDEO_TYPES_BY_EXTENSION;
  if (!isVideo) return "This is not a video file. Choose an MP4, MOV, MKV, WebM or another video format.";
  if (file.size === 0) return "This file is empty.";
  if (file.size > MAX_VIDEO_BYTES) return "This file is larger than 30 GB, the most Cloudflare Stream accepts.";
  return null;
}
