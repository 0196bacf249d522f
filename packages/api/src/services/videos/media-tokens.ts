import { type Db, playbackAccessLog } from "@marquee/db";
import { signPlaybackToken, thumbnailUrl } from "@marquee/stream";
import type { CloudflareDeps } from "../cloudflare/environment";
import { playbackKeyFor } from "../cloudflare/resolve";

export type MediaRow = {
  id: string;
  uid: string;
  connectionId: string;
  requireSignedUrls: boolean;
  posterSeconds: number | null;
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
  const expiresAt = new Date(deps.now.getTime() + lifetimeSeconds * 1000);
  for (const row of rows) {
    let key = keys.get(row.connectionId);
    if (!key) {
      key = await playbackKeyFor(deps, row.connectionId);
      keys.set(row.connectionId, key);
    }
    let id = row.uid;
    if (row.requireSignedUrls) {
      if (!key.signingKey) continue;
      id = await signPlaybackToken({
        keyId: key.signingKey.id,
        privateKey: key.signingKey.privateKey,
        videoUid: row.uid,
        expiresInSeconds: lifetimeSeconds,
        now: deps.now,
      });
      logged.push({ tenantId, videoId: row.id, userId, ipAddress: deps.clientIp, issuedAt: deps.now, expiresAt });
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
