import { captions, type Db, playbackAccessLog, tenants, tiers, videos, watchSessions } from "@marquee/db";
import { playbackUrls, signPlaybackToken, thumbnailUrl } from "@marquee/stream";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { AppError } from "../../errors";
import type { CloudflareDeps } from "../cloudflare/environment";
import { playbackKeyFor } from "../cloudflare/resolve";
import { imageUrl } from "../images";
import { type AccessDecision, decideAccess, type Viewer } from "./access";

type Deps = CloudflareDeps & { db: Db; now: Date; clientIp: string | null };

export type PlaybackResult =
  | ({ allowed: false } & Extract<AccessDecision, { allowed: false }> & { video: { id: string; title: string } })
  | {
      allowed: true;
      video: { id: string; title: string; description: string; durationSeconds: number | null };
      hls: string;
      dash: string;
      thumbnail: string;
      captions: { language: string; label: string }[];
      expiresAt: Date | null;
      resumeAt: number;
    };

/**
 * Checks access, then hands out the playback URLs. Signed videos get a fresh RS256 token
 * (the tenant's key, the tenant's lifetime) in place of the uid, and every token is logged.
 */
export async function getPlayback(
  deps: Deps,
  tenantId: string,
  viewer: Viewer,
  videoId: string,
): Promise<PlaybackResult> {
  const [row] = await playbackStatements(deps.db).video.execute({ videoId, tenantId });
  if (row?.status !== "ready") throw new AppError("NOT_FOUND", "This video does not exist or is not ready yet.");
  const requiredTier =
    row.tierId && row.tierName !== null && row.tierRank !== null
      ? { id: row.tierId, name: row.tierName, rank: row.tierRank }
      : null;
  const decision = decideAccess(viewer, { accessLevel: row.accessLevel, requiredTier });
  if (!decision.allowed) return { ...decision, video: { id: row.id, title: row.title } };

  const key = await playbackKeyFor(deps, row.connectionId);
  let id = row.uid;
  let expiresAt: Date | null = null;
  if (row.requireSignedUrls) {
    if (!key.signingKey)
      throw new AppError("UNAVAILABLE", "Playback is not set up for this organization yet (no signing key).");
    const lifetime = Math.min(row.ttl, 86_400);
    id = await signPlaybackToken({
      keyId: key.signingKey.id,
      privateKey: key.signingKey.privateKey,
      videoUid: row.uid,
      expiresInSeconds: lifetime,
      now: deps.now,
    });
    expiresAt = new Date(deps.now.getTime() + lifetime * 1000);
    await playbackStatements(deps.db).log.execute({
      tenantId,
      videoId: row.id,
      userId: viewer.userId,
      ipAddress: deps.clientIp,
      issuedAt: deps.now,
      expiresAt,
    });
  }
  const [tracks, resumeAt] = await Promise.all([
    playbackStatements(deps.db).captions.execute({ videoId: row.id, tenantId }),
    viewer.userId ? lastPosition(deps.db, viewer.userId, row.id, row.durationSeconds) : Promise.resolve(0),
  ]);
  const urls = playbackUrls(key.customerDomain, id);
  return {
    allowed: true,
    video: { id: row.id, title: row.title, description: row.description, durationSeconds: row.durationSeconds },
    hls: urls.hls,
    dash: urls.dash,
    thumbnail: row.posterImageId
      ? imageUrl(row.posterImageId)
      : thumbnailUrl(key.customerDomain, id, { time: `${Math.round(row.posterSeconds ?? 0)}s` }),
    captions: tracks,
    expiresAt,
    resumeAt,
  };
}

/** Where the member stopped last time; near the end counts as finished, so start over. */
async function lastPosition(db: Db, userId: string, videoId: string, duration: number | null) {
  const [session] = await playbackStatements(db).lastPosition.execute({ userId, videoId });
  const position = session?.position ?? 0;
  return duration && position > duration - 5 ? 0 : position;
}

// Named once per db handle: postgres.js then runs each as a prepared statement (planned once per
// connection) and drizzle skips rebuilding the SQL; unnamed, every call is parsed and planned anew.
const statements = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

function playbackStatements(db: Db) {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = prepareStatements(db);
    statements.set(db, prepared);
  }
  return prepared;
}

function prepareStatements(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return {
    video: db
      .select({
        id: videos.id,
        title: videos.title,
        description: videos.description,
        status: videos.status,
        uid: videos.cloudflareUid,
        connectionId: videos.connectionId,
        accessLevel: videos.accessLevel,
        requireSignedUrls: videos.requireSignedUrls,
        durationSeconds: videos.durationSeconds,
        posterSeconds: videos.posterSeconds,
        posterImageId: videos.posterImageId,
        tierId: tiers.id,
        tierName: tiers.name,
        tierRank: tiers.rank,
        ttl: tenants.playbackTokenTtlSeconds,
      })
      .from(videos)
      .innerJoin(tenants, eq(tenants.id, videos.tenantId))
      .leftJoin(tiers, eq(tiers.id, videos.requiredTierId))
      .where(and(eq(videos.id, p("videoId")), eq(videos.tenantId, p("tenantId"))))
      .prepare("playback_video"),
    log: db
      .insert(playbackAccessLog)
      .values({
        tenantId: p("tenantId"),
        videoId: p("videoId"),
        userId: p("userId"),
        ipAddress: p("ipAddress"),
        issuedAt: p("issuedAt"),
        expiresAt: p("expiresAt"),
      })
      .prepare("playback_log"),
    captions: db
      .select({ language: captions.language, label: captions.label })
      .from(captions)
      .where(and(eq(captions.videoId, p("videoId")), eq(captions.tenantId, p("tenantId"))))
      .orderBy(asc(captions.label))
      .prepare("playback_captions"),
    lastPosition: db
      .select({ position: watchSessions.lastPosition })
      .from(watchSessions)
      .where(and(eq(watchSessions.userId, p("userId")), eq(watchSessions.videoId, p("videoId"))))
      .orderBy(desc(watchSessions.lastHeartbeatAt))
      .limit(1)
      .prepare("playback_last_position"),
  };
}
