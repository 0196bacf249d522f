import { captions, type Db, tiers, type Video, videos } from "@marquee/db";
import { playbackUrls, signPlaybackToken } from "@marquee/stream";
import { and, asc, desc, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import { AppError } from "../../errors";
import type { CloudflareDeps } from "../cloudflare/environment";
import { toAppError } from "../cloudflare/environment";
import { playbackKeyFor, resolveConnectionClient } from "../cloudflare/resolve";
import { refreshInFlightVideos } from "./live-status";
import { decodeCursor, encodeCursor, thumbnailUrls } from "./media-tokens";

type Deps = CloudflareDeps & { db: Db; now: Date; clientIp: string | null };

const PAGE_SIZE = 50;
const STATUS_FILTERS = {
  processing: ["pendingupload", "queued", "inprogress"],
  ready: ["ready"],
  error: ["error"],
} as const;

const rowColumns = {
  id: videos.id,
  title: videos.title,
  status: videos.status,
  processingPercent: videos.processingPercent,
  errorReasonText: videos.errorReasonText,
  durationSeconds: videos.durationSeconds,
  sizeBytes: videos.sizeBytes,
  accessLevel: videos.accessLevel,
  createdAt: videos.createdAt,
  uid: videos.cloudflareUid,
  connectionId: videos.connectionId,
  requireSignedUrls: videos.requireSignedUrls,
  posterSeconds: videos.posterSeconds,
  posterImageId: videos.posterImageId,
};

type Row = Pick<
  Video,
  | "id"
  | "title"
  | "status"
  | "processingPercent"
  | "errorReasonText"
  | "durationSeconds"
  | "sizeBytes"
  | "accessLevel"
  | "createdAt"
  | "connectionId"
  | "requireSignedUrls"
  | "posterSeconds"
  | "posterImageId"
> & { uid: string; createdAtText?: string };

function toListItem(row: Row, thumbnail: string | null) {
  const {
    uid: _uid,
    connectionId: _connection,
    requireSignedUrls: _signed,
    createdAtText: _at,
    posterImageId: _poster,
    ...item
  } = row;
  return { ...item, thumbnailUrl: thumbnail };
}

/** The console's video list: every state, newest first, keyset-paged. */
export async function listConsoleVideos(
  deps: Deps,
  tenantId: string,
  userId: string,
  query: {
    status?: keyof typeof STATUS_FILTERS | undefined;
    search?: string | undefined;
    cursor?: string | null | undefined;
  },
) {
  const cursor = decodeCursor(query.cursor);
  if (!cursor) await refreshInFlightVideos(deps, tenantId);
  const rows = await deps.db
    .select({ ...rowColumns, createdAtText: sql<string>`${videos.createdAt}::text` })
    .from(videos)
    .where(
      and(
        eq(videos.tenantId, tenantId),
        query.status ? inArray(videos.status, [...STATUS_FILTERS[query.status]]) : undefined,
        query.search?.trim() ? ilike(videos.title, `%${query.search.trim()}%`) : undefined,
        cursor
          ? sql`(${videos.createdAt}, ${videos.id}) < (${cursor.createdAtText}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(videos.createdAt), desc(videos.id))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const thumbnails = await thumbnailUrls(
    deps,
    tenantId,
    userId,
    page.filter((row) => row.status === "ready"),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => toListItem(row, thumbnails.get(row.id) ?? null)),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}

async function loadVideo(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({
      ...rowColumns,
      description: videos.description,
      tags: videos.tags,
      requiredTierId: videos.requiredTierId,
    })
    .from(videos)
    .where(and(eq(videos.id, id), eq(videos.tenantId, tenantId)));
  if (!row) throw new AppError("NOT_FOUND", "This video does not exist in this organization.");
  return row;
}

/** One video for the console's detail page, with a short-lived preview for signed videos. */
export async function getConsoleVideo(deps: Deps, tenantId: string, userId: string, id: string) {
  await refreshInFlightVideos(deps, tenantId, id);
  const row = await loadVideo(deps.db, tenantId, id);
  const tracks = await deps.db
    .select({ language: captions.language, label: captions.label })
    .from(captions)
    .where(and(eq(captions.videoId, row.id), eq(captions.tenantId, tenantId)))
    .orderBy(asc(captions.label));
  let previewUrl: string | null = null;
  let thumbnail: string | null = null;
  if (row.status === "ready") {
    thumbnail = (await thumbnailUrls(deps, tenantId, userId, [row])).get(row.id) ?? null;
    const key = await playbackKeyFor(deps, row.connectionId);
    const mediaId =
      row.requireSignedUrls && key.signingKey
        ? await signPlaybackToken({
            keyId: key.signingKey.id,
            privateKey: key.signingKey.privateKey,
            videoUid: row.uid,
            expiresInSeconds: 3600,
            now: deps.now,
          })
        : row.uid;
    previewUrl = playbackUrls(key.customerDomain, mediaId).hls;
  }
  const { description, tags, requiredTierId, ...rest } = row;
  return { ...toListItem(rest, thumbnail), description, tags, requiredTierId, captions: tracks, previewUrl };
}

export type VideoChanges = {
  title?: string | undefined;
  description?: string | undefined;
  tags?: string[] | undefined;
  accessLevel?: "public" | "members" | "tier" | undefined;
  requiredTierId?: string | null | undefined;
  posterSeconds?: number | null | undefined;
};

/**
 * Edits a video. Access decides Cloudflare's requireSignedURLs (only public videos play
 * unsigned), and the poster second becomes thumbnailTimestampPct: both are sent to
 * Cloudflare first, so our row never claims a state Cloudflare does not have.
 */
export async function updateVideo(deps: Deps, tenantId: string, id: string, changes: VideoChanges) {
  const row = await loadVideo(deps.db, tenantId, id);
  const accessLevel = changes.accessLevel ?? row.accessLevel;
  let requiredTierId = changes.requiredTierId === undefined ? row.requiredTierId : changes.requiredTierId;
  if (accessLevel !== "tier") requiredTierId = null;
  if (accessLevel === "tier") {
    if (!requiredTierId)
      throw new AppError("BAD_REQUEST", "Choose the tier this video requires.", { field: "requiredTierId" });
    const [tier] = await deps.db
      .select({ id: tiers.id })
      .from(tiers)
      .where(and(eq(tiers.id, requiredTierId), eq(tiers.tenantId, tenantId), isNull(tiers.archivedAt)));
    if (!tier)
      throw new AppError("BAD_REQUEST", "That tier does not exist in this organization.", { field: "requiredTierId" });
  }
  const requireSignedUrls = accessLevel !== "public";
  const posterSeconds = changes.posterSeconds === undefined ? row.posterSeconds : changes.posterSeconds;
  const patch: { requireSignedURLs?: boolean; thumbnailTimestampPct?: number; name?: string } = {};
  if (requireSignedUrls !== row.requireSignedUrls) patch.requireSignedURLs = requireSignedUrls;
  if (changes.title !== undefined && changes.title !== row.title) patch.name = changes.title;
  if (posterSeconds !== row.posterSeconds && row.durationSeconds && posterSeconds !== null) {
    patch.thumbnailTimestampPct = Math.min(1, Math.max(0, posterSeconds / row.durationSeconds));
  }
  if (Object.keys(patch).length > 0) {
    const client = await resolveConnectionClient(deps, row.connectionId);
    try {
      await client.updateVideo(row.uid, patch);
    } catch (error) {
      throw toAppError(error);
    }
  }
  await deps.db
    .update(videos)
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
      accessLevel,
      requiredTierId,
      requireSignedUrls,
      posterSeconds,
      updatedAt: deps.now,
    })
    .where(and(eq(videos.id, row.id), eq(videos.tenantId, tenantId)));
}

/**
 * Deletes on Cloudflare first (a 404 there counts as deleted), then here. If Cloudflare
 * fails the row stays, so the user can try again and nothing is orphaned.
 */
export async function removeVideo(deps: Deps, tenantId: string, id: string) {
  const row = await loadVideo(deps.db, tenantId, id);
  const client = await resolveConnectionClient(deps, row.connectionId);
  try {
    await client.deleteVideo(row.uid);
  } catch (error) {
    throw toAppError(error);
  }
  await deps.db.delete(videos).where(and(eq(videos.id, row.id), eq(videos.tenantId, tenantId)));
  return { id: row.id };
}
