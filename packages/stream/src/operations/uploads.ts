import type { StreamContext } from "../context";
import { unexpectedResponse } from "../errors";
import { toIsoTime } from "../iso-time";
import { encodeUploadMetadata, type TusUploadMetadata } from "../upload-metadata";

export type DirectUploadInput = {
  /** Required by Cloudflare (1..36000); reserved from the storage quota until the upload is processed. */
  maxDurationSeconds: number;
  requireSignedURLs?: boolean;
  meta?: Record<string, string>;
  /** When the one-time URL stops working; Cloudflare's default is 30 minutes. */
  expiry?: Date | string;
  creator?: string;
  allowedOrigins?: string[];
  thumbnailTimestampPct?: number;
  scheduledDeletion?: Date | string;
};

/** The browser POSTs the file (≤200 MB, multipart field `file`) to `uploadUrl`; no credentials needed. */
export type DirectUpload = { uid: string; uploadUrl: string };

export type TusUploadInput = {
  /** File size in bytes (not its duration). */
  uploadLength: number;
  metadata?: TusUploadMetadata;
  creator?: string;
  /** A one-time URL for the browser's tus client (default); false for a server-side upload. */
  directUser?: boolean;
};

/** `uploadUrl` is the `Location` the browser's tus client continues at; `uid` comes from `stream-media-id`. */
export type TusUpload = { uid: string; uploadUrl: string };

export function uploadOperations(ctx: StreamContext) {
  const { sdk, run } = ctx;
  const account_id = ctx.accountId;

  return {
    async createDirectUpload(input: DirectUploadInput): Promise<DirectUpload> {
      const result = await run((o) =>
        sdk.stream.directUpload.create(
          {
            account_id,
            maxDurationSeconds: input.maxDurationSeconds,
            requireSignedURLs: input.requireSignedURLs,
            meta: input.meta,
            expiry: toIsoTime(input.expiry),
            creator: input.creator,
            allowedOrigins: input.allowedOrigins,
            thumbnailTimestampPct: input.thumbnailTimestampPct,
            scheduledDeletion: toIsoTime(input.scheduledDeletion),
          },
          o,
        ),
      );
      if (!result.uid || !result.uploadURL) throw unexpectedResponse("direct upload without uid or uploadURL");
      return { uid: result.uid, uploadUrl: result.uploadURL };
    },

    async createTusUpload(input: TusUploadInput): Promise<TusUpload> {
      const metadata = input.metadata ? encodeUploadMetadata(input.metadata) : "";
      // The SDK types this call as void: the answer is in the headers, so read the raw response.
      const response = await run((o) =>
        sdk.stream
          .create(
            {
              account_id,
              "Tus-Resumable": "1.0.0",
              "Upload-Length": input.uploadLength,
              direct_user: input.directUser ?? true,
              "Upload-Creator": input.creator,
              "Upload-Metadata": metadata === "" ? undefined : metadata,
            },
            o,
          )
          .asResponse(),
      );
      await response.body?.cancel();
      const uploadUrl = response.headers.get("location");
      const uid = response.headers.get("stream-media-id");
      if (!uploadUrl || !uid) throw unexpectedResponse("tus upload without Location or stream-media-id");
      return { uid, uploadUrl };
    },
  };
}
