import type { StreamContext } from "../context";
import { ignoreNotFound } from "../errors";
import { toIsoTime } from "../iso-time";
import { type StreamVideo, toStreamVideo, type VideoState } from "../video";

export type ListVideosQuery = {
  /** Partial match on the name; slow on large libraries. */
  search?: string;
  status?: VideoState;
  creator?: string;
  liveInputUid?: string;
  /** 1..1000, Cloudflare's default 1000. */
  limit?: number;
  /** Oldest first; page forward with `after`. Newest first (default) pages back with `before`. */
  asc?: boolean;
  /** RFC 3339: only videos created before / after. */
  before?: string;
  after?: string;
};

export type VideoPage = {
  videos: StreamVideo[];
  /** Spread into the next `listVideos` call; null on the last page. Stream has no cursors, only times. */
  next: { before: string } | { after: string } | null;
};

export type VideoPatch = {
  /** Sets `meta.name`, keeping the other meta keys. */
  name?: string;
  /** Replaces all of meta. */
  meta?: Record<string, string>;
  creator?: string;
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  thumbnailTimestampPct?: number;
  maxDurationSeconds?: number;
  scheduledDeletion?: Date | string;
  uploadExpiry?: Date | string;
};

const MAX_LIST_LIMIT = 1000;

export function videoOperations(ctx: StreamContext) {
  const { sdk, run } = ctx;
  const account_id = ctx.accountId;

  async function getVideo(uid: string): Promise<StreamVideo> {
    return toStreamVideo(await run((o) => sdk.stream.get(uid, { account_id }, o)));
  }

  return {
    getVideo,

    async listVideos(query: ListVideosQuery = {}): Promise<VideoPage> {
      const limit = Math.min(Math.max(query.limit ?? MAX_LIST_LIMIT, 1), MAX_LIST_LIMIT);
      const page = await run((o) =>
        sdk.stream.list(
          {
            account_id,
            limit,
            search: query.search,
            status: query.status,
            creator: query.creator,
            live_input_id: query.liveInputUid,
            asc: query.asc,
            before: query.before,
            after: query.after,
          },
          o,
        ),
      );
      const videos = page.getPaginatedItems().map(toStreamVideo);
      const last = videos.at(-1)?.created;
      const full = videos.length === limit && last !== undefined && last !== null;
      return { videos, next: !full ? null : query.asc ? { after: last } : { before: last } };
    },

    async updateVideo(uid: string, patch: VideoPatch): Promise<StreamVideo> {
      let meta = patch.meta;
      // Cloudflare replaces meta wholesale, so a rename must carry the keys it already has (filename...).
      if (patch.name !== undefined) meta = { ...(meta ?? (await getVideo(uid)).meta), name: patch.name };
      const video = await run((o) =>
        sdk.stream.edit(
          uid,
          {
            account_id,
            meta,
            creator: patch.creator,
            requireSignedURLs: patch.requireSignedURLs,
            allowedOrigins: patch.allowedOrigins,
            thumbnailTimestampPct: patch.thumbnailTimestampPct,
            maxDurationSeconds: patch.maxDurationSeconds,
            scheduledDeletion: toIsoTime(patch.scheduledDeletion),
            uploadExpiry: toIsoTime(patch.uploadExpiry),
          },
          o,
        ),
      );
      return toStreamVideo(video);
    },

    /** A video that is already gone counts as deleted. */
    async deleteVideo(uid: string): Promise<void> {
      await ignoreNotFound(run((o) => sdk.stream.delete(uid, { account_id }, o)));
    },
  };
}
