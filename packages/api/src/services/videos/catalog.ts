import { type Db, tiers, videos } from "@marquee/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { CloudflareDeps } from "../cloudflare/environment";
import { decideAccess, type Viewer } from "./access";
import { decodeCursor, encodeCursor, thumbnailUrls } from "./media-tokens";

type Deps = CloudflareDeps & { db: Db; now: Date; clientIp: string | null };

export const CATALOG_PAGE_SIZE = 24;

export type CatalogQuery = {
  search?: string | undefined;
  tag?: string | undefined;
  cursor?: string | null | undefined;
};

/**
 * The portal's catalog: ready videos of the tenant, newest first, filtered by full-text
 * search and tag, one keyset page at a time. Locked videos say what would unlock them.
 */
export async function listCatalog(deps: Deps, tenantId: string, viewer: Viewer, query: CatalogQuery) {
  const cursor = decodeCursor(query.cursor);
  const search = query.search?.trim();
  const rows = await deps.db
    .select({
      id: videos.id,
      title: videos.title,
      durationSeconds: videos.durationSeconds,
      tags: videos.tags,
      accessLevel: videos.accessLevel,
      uid: videos.cloudflareUid,
      connectionId: videos.connectionId,
      requireSignedUrls: videos.requireSignedUrls,
      posterSeconds: videos.posterSeconds,
      posterImageId: videos.posterImageId,
      createdAtText: sql<string>`${videos.createdAt}::text`,
      tierId: tiers.id,
      tierName: tiers.name,
      tierRank: tiers.rank,
    })
    .from(videos)
    .leftJoin(tiers, eq(tiers.id, videos.requiredTierId))
    .where(
      and(
        eq(videos.tenantId, tenantId),
        eq(videos.status, "ready"),
        search ? sql`${videos.searchVector} @@ websearch_to_tsquery('simple', ${search})` : undefined,
        query.tag ? sql`${videos.tags} @> array[${query.tag}]::text[]` : undefined,
        cursor
          ? sql`(${videos.createdAt}, ${videos.id}) < (${cursor.createdAtText}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(videos.createdAt), desc(videos.id))
    .limit(CATALOG_PAGE_SIZE + 1);
  const page = rows.slice(0, CATALOG_PAGE_SIZE);
  const decided = page.map((row) => {
    const requiredTier =
      row.tierId && row.tierName !== null && row.tierRank !== null
        ? { id: row.tierId, name: row.tierName, rank: row.tierRank }
        : null;
    return { row, decision: decideAccess(viewer, { accessLevel: row.accessLevel, requiredTier }) };
  });
  // Only videos the viewer may watch get a (token-bearing) thumbnail.
  const thumbnails = await thumbnailUrls(
    deps,
    tenantId,
    viewer.userId,
    decided.filter((d) => d.decision.allowed).map((d) => d.row),
  );
  const last = page.at(-1);
  return {
    items: decided.map(({ row, decision }) => ({
      id: row.id,
      title: row.title,
      durationSeconds: row.durationSeconds,
      tags: row.tags,
      thumbnailUrl: thumbnails.get(row.id) ?? null,
      locked: decision.allowed
        ? null
        : decision.unlock.kind === "subscribe"
          ? { kind: "subscribe" as const, tierName: decision.unlock.tier?.name ?? null }
          : decision.unlock,
    })),
    nextCursor: rows.length > CATALOG_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}

/** Tags in use on the tenant's ready videos, most used first. */
export async function listCatalogTags(db: Db, tenantId: string) {
  const rows = await db.execute<{ tag: string }>(sql`
    select tag from ${videos}, unnest(${videos.tags}) as tag
    where ${videos.tenantId} = ${tenantId} and ${videos.status} = 'ready'
    group by tag order by count(*) desc, tag limit 50`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { tag: string }[] }).rows).map((row) => row.tag);
}
