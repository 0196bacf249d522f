import { type Db, playbackAccessLog } from "@marquee/db";
import { signPlaybackToken, thumbnailUrl } from "@marquee/stream";
import type { CloudflareDeps } from "../cloudflare/environment";
import { playbackKeyFor } from "../cloudflare/resolve";
import { imageUrl } from "../images";

export type MediaRow = {
  id: string;
  uid: string;
  connectionId: string;
  requireSignedUrls: boolean;
  posterSeconds: number | null;
  /** An uploaded poster, served by us: no Cloudflare thumbnail (or token) needed. */
  posterImageId?: string | null;
};

type Deps = CloudflareDeps & { db: Db; now: Date; clientIp: string | null };

/**
 * Thumbnail URLs for a page of videos the viewer may see. Signed videos need a token in
 * place of the uid (short-lived here: a page of thumbnails, not a viewing); every token
 * issued is written to the access log, in one insert per page.
 */
export async function thumbnailUrls(
  deps: Deps,
  tenantId: string,
  userId: string | null,
  rows: MediaRow[],
  lifetimeSeconds = 3600,
): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const keys = new Map<string, Awaited<ReturnType<typeof playbackKeyFor>>>();
  const logged: (typeof playbackAccessLog.$inferInsert)[] = [];
  for (const row of rows) {
    if (row.posterImageId) {
      urls.set(row.id, imageUrl(row.posterImageId));
      continue;
    }
    let key = keys.get(row.connectionId);
    if (!key) {
      key = await playbackKeyFor(deps, row.connectionId);
      keys.set(row.connectionId, key);
    }
    let id = row.uid;
    if (row.requireSignedUrls) {
      if (!key.signingKey) continue;
      const signed = await thumbnailToken(key.signingKey, row.uid, deps.now, lifetimeSeconds);
      id = signed.token;
      logged.push({
        tenantId,
        videoId: row.id,
        userId,
        ipAddress: deps.clientIp,
        issuedAt: deps.now,
        expiresAt: signed.expiresAt,
      });
    }
    urls.set(row.id, thumbnailUrl(key.customerDomain, id, { time: `${Math.round(row.posterSeconds ?? 0)}s` }));
  }
  if (logged.length > 0) await deps.db.insert(playbackAccessLog).values(logged);
  return urls;
}

/**
 * Opaque keyset cursor over (created_at desc, id desc): stays fast however deep the page.
 * It carries Postgres' own text of the timestamp (microseconds), which a JS Date would round.
 */
export function encodeCursor(row: { createdAtText: string; id: string }): string {
  return Buffer.from(`${row.createdAtText}|${row.id}`).toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): { createdAtText: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  // Postgres' text form, e.g. "2026-11-23 12:46:27.123456+00"; anything else is not our cursor.
  const timestamp = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
  if (!at || !id || !/^[0-9a-f-]{36}$/.test(id) || !timestamp.test(at)) return null;
  return { createdAtText: at, id };
}

// A thumbnail token names no viewer, so one per video and time window serves every viewer
// (a page of 24 was 24 RS256 signatures, ~7 ms of CPU). A window's tokens expire together,
// between half and all of the lifetime from now.
const thumbnailTokens = new Map<string, { token: string; expiresAt: Date }>();
const THUMBNAIL_TOKEN_LIMIT = 50_000;

async function thumbnailToken(
  signingKey: { id: string; privateKey: string },
  uid: string,
  now: Date,
  lifetimeSeconds: number,
) {
  const window = Math.max(1, Math.floor(lifetimeSeconds / 2));
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const bucket = Math.floor(nowSeconds / window);
  const cacheKey = `${signingKey.id}:${uid}:${bucket}`;
  const cached = thumbnailTokens.get(cacheKey);
  if (cached) return cached;
  const expiresAtSeconds = (bucket + 2) * window;
  const token = await signPlaybackToken({
    keyId: signingKey.id,
    privateKey: signingKey.privateKey,
    videoUid: uid,
    expiresInSeconds: expiresAtSeconds - nowSeconds,
    now,
  });
  const entry = { token, expiresAt: new Date(expiresAtSeconds * 1000) };
  // Crude bound: older windows are useless anyway, so starting over costs one round of signing.
  if (thumbnailTokens.size >= THUMBNAIL_TOKEN_LIMIT) thumbnailTokens.clear();
  thumbnailTokens.set(cacheKey, entry);
  return entry;
}
