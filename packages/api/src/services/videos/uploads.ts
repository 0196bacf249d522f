import { type Db, videos } from "@marquee/db";
import { AppError } from "../../errors";
import type { CloudflareDeps } from "../cloudflare/environment";
import { toAppError } from "../cloudflare/environment";
import { resolveTenantStream } from "../cloudflare/resolve";

type Deps = CloudflareDeps & { db: Db };

export type UploadRequest = {
  title: string;
  /** Cloudflare reserves this much storage until the upload is processed. */
  maxDurationSeconds: number;
  /** Only public videos play without a signed URL. */
  accessLevel: "public" | "members";
};

/** Cloudflare's limit for the single-POST direct creator upload. */
export const DIRECT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;
export const UPLOAD_MAX_BYTES = 30 * 1024 * 1024 * 1024;

/**
 * Asks Cloudflare (with the tenant's credentials) for a one-time upload URL and records
 * the video before handing the URL out, so a webhook can never arrive for a video we do
 * not know. Files over 200 MB must use the resumable (TUS) kind.
 */
/** Cloudflare's default validity of an upload link. */
const UPLOAD_LINK_MINUTES = 30;

export async function createVideoUpload(
  deps: Deps,
  tenantId: string,
  input: UploadRequest & ({ kind: "direct" } | { kind: "tus"; sizeBytes: number }),
) {
  if (input.kind === "tus" && input.sizeBytes > UPLOAD_MAX_BYTES) {
    throw new AppError("BAD_REQUEST", "Files up to 30 GB can be uploaded.", { field: "sizeBytes" });
  }
  const stream = await resolveTenantStream(deps, tenantId);
  const requireSignedUrls = input.accessLevel !== "public";
  const meta = { name: input.title };
  let upload: { uid: string; uploadUrl: string };
  try {
    upload =
      input.kind === "direct"
        ? await stream.client.createDirectUpload({
            maxDurationSeconds: input.maxDurationSeconds,
            requireSignedURLs: requireSignedUrls,
            meta,
          })
        : await stream.client.createTusUpload({
            uploadLength: input.sizeBytes,
            directUser: true,
            metadata: {
              name: input.title,
              maxDurationSeconds: input.maxDurationSeconds,
              requireSignedURLs: requireSignedUrls,
            },
          });
  } catch (error) {
    throw toAppError(error);
  }
  const [video] = await deps.db
    .insert(videos)
    .values({
      tenantId,
      connectionId: stream.connectionId,
      cloudflareUid: upload.uid,
      title: input.title,
      accessLevel: input.accessLevel,
      requireSignedUrls,
      // Cloudflare holds maxDurationSeconds of storage for the upload until it arrives or its link expires.
      reservedSeconds: input.maxDurationSeconds,
      uploadExpiresAt: new Date(Date.now() + UPLOAD_LINK_MINUTES * 60_000),
    })
    .returning({ id: videos.id });
  if (!video) throw new AppError("INTERNAL", "Could not record the upload.");
  return { videoId: video.id, uid: upload.uid, uploadUrl: upload.uploadUrl, kind: input.kind };
}
