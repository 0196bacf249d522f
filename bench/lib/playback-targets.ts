import { createPublicKey, type JsonWebKey, verify } from "node:crypto";
import type { Catalog } from "./catalog-seed.ts";
import { dig, type Target } from "./measure.ts";
import { type MarqueeBase, trpcData, trpcQueryUrl } from "./targets.ts";

const MANIFEST =
  /^https:\/\/customer-benchcode\.cloudflarestream\.com\/([\w-]+)\.([\w-]+)\.([\w-]+)\/manifest\/video\.m3u8$/;

const decodeSegment = (segment: string): unknown => JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));

/** Cheap enough for every response: the token is for this video and this key (its signature: see verifyPlaybackSignature). */
function playbackCheck(catalog: Catalog) {
  return (body: unknown) => {
    const data = trpcData(body);
    if (dig(data, "allowed") !== true) return "expected allowed: true";
    if (dig(data, "video", "id") !== catalog.videoId) return "not the bench video";
    const parts = MANIFEST.exec(String(dig(data, "hls")));
    if (!parts?.[1] || !parts[2]) return "hls is not a manifest URL carrying a JWT";
    if (dig(decodeSegment(parts[1]), "kid") !== catalog.signingKey.id) return "token not signed with the tenant's key";
    return dig(decodeSegment(parts[2]), "sub") === catalog.videoUid ? null : "token is for another video";
  };
}

/** Once, on a probe's body: the RS256 signature verifies with the seeded key's public half. */
export function verifyPlaybackSignature(body: string, catalog: Catalog): void {
  const parts = MANIFEST.exec(String(dig(trpcData(JSON.parse(body)), "hls")));
  if (!parts) throw new Error("playback.get: no token in the hls URL");
  const publicKey = createPublicKey({ key: JSON.parse(catalog.signingKey.privateKey) as JsonWebKey, format: "jwk" });
  const signed = Buffer.from(`${parts[1]}.${parts[2]}`);
  if (!verify("sha256", signed, publicKey, Buffer.from(parts[3] ?? "", "base64url"))) {
    throw new Error("playback.get: the token's signature does not verify with the seeded key");
  }
}

export function playbackTarget({ trpc, ...base }: MarqueeBase, catalog: Catalog): Target {
  return {
    ...base,
    label: "playback.get (signed)",
    url: trpcQueryUrl(trpc, "playback.get", { videoId: catalog.videoId }),
    check: playbackCheck(catalog),
    freshBody: true,
  };
}

type CatalogQuery = { search?: string; cursor?: string };

/**
 * A full page of unlocked videos, each with a token-bearing thumbnail (`minItems` lower for
 * searches), none of them among `earlier` (the pages a deep cursor went past).
 */
function catalogCheck(minItems: number, earlier: ReadonlySet<string>) {
  return (body: unknown) => {
    const items = dig(trpcData(body), "items");
    if (!Array.isArray(items) || items.length < minItems) return `expected at least ${minItems} items`;
    const bad = items.find((item) => dig(item, "locked") !== null || typeof dig(item, "thumbnailUrl") !== "string");
    if (bad) return "a video is locked or has no thumbnail";
    return items.some((item) => earlier.has(String(dig(item, "id"))))
      ? "the cursor did not move past earlier pages"
      : null;
  };
}

export type DeepPage = { cursor: string; earlierIds: ReadonlySet<string> };

export function catalogTarget(
  { trpc, ...base }: MarqueeBase,
  label: string,
  query: CatalogQuery,
  earlierIds: ReadonlySet<string> = new Set(),
): Target {
  return {
    ...base,
    label,
    url: trpcQueryUrl(trpc, "videos.list", query),
    // A search may match fewer than a page; the plain list of 20,000 always fills one.
    check: catalogCheck(query.search ? 1 : 24, earlierIds),
    freshBody: true,
  };
}

/**
 * Follows `nextCursor` from the first page, `pages` times. Fails when a page repeats a video:
 * a cursor the server ignores would otherwise bench the first page under another name.
 */
export async function deepPage(base: MarqueeBase, pages: number): Promise<DeepPage> {
  const earlierIds = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; page <= pages; page++) {
    const response = await fetch(trpcQueryUrl(base.trpc, "videos.list", cursor ? { cursor } : {}), {
      headers: base.headers,
    });
    const data = trpcData(await response.json());
    const items = dig(data, "items");
    const next = dig(data, "nextCursor");
    if (response.status !== 200 || !Array.isArray(items) || typeof next !== "string") {
      throw new Error(`videos.list: no page or no nextCursor at page ${page}`);
    }
    for (const item of items) {
      const id = String(dig(item, "id"));
      if (earlierIds.has(id)) throw new Error(`videos.list: page ${page} repeats a video, the cursor did not advance`);
      earlierIds.add(id);
    }
    cursor = next;
  }
  if (!cursor) throw new Error("videos.list: no page followed");
  return { cursor, earlierIds };
}
