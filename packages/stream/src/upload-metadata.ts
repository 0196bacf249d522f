import { toIsoTime } from "./iso-time";
/** What a tus upload may carry in `Upload-Metadata`; Cloudflare honours it only on the creating request. */
export type TusUploadMetadata = {
  name?: string;
  maxDurationSeconds?: number;
  requireSignedURLs?: boolean;
  /** When the one-time upload URL stops working. */
  expiry?: Date | string;
  allowedOrigins?: string[];
  thumbnailTimestampPct?: number;
  scheduledDeletion?: Date | string;
  watermarkUid?: string;
  /** Anything else lands in the video's `meta` (for example `filetype`). */
  extra?: Record<string, string>;
};

/**
 * Builds the header: comma-separated `key base64(value)` pairs, a flag key alone. Keys are the
 * lowercase spellings of Cloudflare's SDK and spec.
 */
export function encodeUploadMetadata(metadata: TusUploadMetadata): string {
  const pairs: [string, string | null][] = [];
  if (metadata.name !== undefined) pairs.push(["name", metadata.name]);
  if (metadata.maxDurationSeconds !== undefined) {
    pairs.push(["maxdurationseconds", String(metadata.maxDurationSeconds)]);
  }
  if (metadata.requireSignedURLs) pairs.push(["requiresignedurls", null]);
  if (metadata.expiry !== undefined) pairs.push(["expiry", toIsoTime(metadata.expiry)]);
  if (metadata.allowedOrigins?.length) pairs.push(["allowedorigins", metadata.allowedOrigins.join(",")]);
  if (metadata.thumbnailTimestampPct !== undefined) {
    pairs.push(["thumbnailtimestamppct", String(metadata.thumbnailTimestampPct)]);
  }
  if (metadata.scheduledDeletion !== undefined) {
    pairs.push(["scheduleddeletion", toIsoTime(metadata.scheduledDeletion)]);
  }
  if (metadata.watermarkUid !== undefined) pairs.push(["watermark", metadata.watermarkUid]);
  for (const [key, value] of Object.entries(metadata.extra ?? {})) {
    if (/^[A-Za-z0-9_.-]+$/.test(key)) pairs.push([key, value]);
  }
  return pairs
    .map(([key, value]) => (value === null ? key : `${key} ${Buffer.from(value, "utf8").toString("base64")}`))
    .join(",");
}

/** Reads a browser's `Upload-Metadata` (so the server can keep the harmless keys, such as the file name). */
export function parseUploadMetadata(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(",")) {
    const [key, value] = part.trim().split(/\s+/, 2);
    if (!key) continue;
    out[key] = value === undefined ? "" : Buffer.from(value, "base64").toString("utf8");
  }
  return out;
}
