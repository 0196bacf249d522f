import {
  analyticsTenantDaily,
  cloudflareConnections,
  cloudflareDeliveryDaily,
  cloudflareStorageDaily,
  cloudflareUsageDays,
  type Db,
  type DbOrTx,
  liveClasses,
  videos,
} from "@marquee/db";
import { and, desc, eq, gt, gte, inArray, isNotNull, lte, max, or, sql } from "drizzle-orm";
import type { CloudflareEnvironment } from "../cloudflare/environment";
import { type CloudflareDeps, toAppError } from "../cloudflare/environment";
import { resolveConnectionClient } from "../cloudflare/resolve";
import type { Period } from "./dashboard";
import { addDays, dayOf } from "./rollup";

/** Cloudflare Stream's list prices, in US dollars per 1,000 minutes (configurable per deployment). */
export const DEFAULT_PRICES = { storagePer1000Minutes: 5, deliveryPer1000Minutes: 1 };

export const pricesOf = (env: CloudflareEnvironment) => env.prices ?? DEFAULT_PRICES;

/** Dollars for minutes at a price per 1,000 minutes, in cents (rounded once, at the end). */
export const costCents = (minutes: number, pricePer1000: number) => Math.round((minutes * pricePer1000 * 100) / 1000);

const daysIn = (period: Period) => Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;

/**
 * The estimated Cloudflare bill of a tenant for a period: the most minutes it stored on any
 * day of the period × the storage price, plus the minutes Cloudflare delivered (its
 * GraphQL figures, per video) × the delivery price. Pending uploads' reservations are shown
 * apart, and the current month is projected from its days so far.
 */
export async function tenantCost(
  deps: { db: DbOrTx; prices: typeof DEFAULT_PRICES; now: Date },
  tenantId: string,
  period: Period,
) {
  const { db, prices } = deps;
  const connectionIds = await tenantConnections(db, tenantId);
  const owned = await deliverables(db, tenantId);
  const delivered = await deliveredByUid(db, connectionIds, period.from, period.to);
  const perVideo = owned.videos.map((v) => ({ ...v, minutes: delivered.get(uidKey(v.connectionId, v.uid)) ?? 0 }));
  const classMinutes = sumOf(owned.classUids, delivered);

  const [stored] = await db
    .select({ seconds: max(analyticsTenantDaily.storedSeconds) })
    .from(analyticsTenantDaily)
    .where(
      and(
        eq(analyticsTenantDaily.tenantId, tenantId),
        gte(analyticsTenantDaily.day, period.from),
        lte(analyticsTenantDaily.day, period.to),
      ),
    );
  const [reserved] = await db
    .select({ seconds: sql<number>`coalesce(sum(${videos.reservedSeconds}), 0)::int` })
    .from(videos)
    .where(
      and(eq(videos.tenantId, tenantId), eq(videos.status, "pendingupload"), gt(videos.uploadExpiresAt, deps.now)),
    );

  const coverage = await coverageOf(db, connectionIds, period.from, period.to);

  // Cloudflare's own count of the account's storage, when the account is the tenant's own
  // (the platform's account is shared by many tenants).
  const [account] = await db
    .select({
      day: cloudflareStorageDaily.day,
      storedMinutes: cloudflareStorageDaily.storedMinutes,
      limitMinutes: cloudflareStorageDaily.limitMinutes,
      videoCount: cloudflareStorageDaily.videoCount,
    })
    .from(cloudflareStorageDaily)
    .innerJoin(cloudflareConnections, eq(cloudflareConnections.id, cloudflareStorageDaily.connectionId))
    .where(
      and(
        eq(cloudflareConnections.tenantId, tenantId),
        eq(cloudflareConnections.source, "tenant"),
        gte(cloudflareStorageDaily.day, period.from),
        lte(cloudflareStorageDaily.day, period.to),
      ),
    )
    .orderBy(desc(cloudflareStorageDaily.day))
    .limit(1);

  const videoMinutes = perVideo.reduce((total, v) => total + v.minutes, 0);
  const deliveredMinutes = videoMinutes + classMinutes;
  const storedMinutes = Number(stored?.seconds ?? 0) / 60;
  const storageCents = costCents(storedMinutes, prices.storagePer1000Minutes);
  const deliveryCents = costCents(deliveredMinutes, prices.deliveryPer1000Minutes);

  return {
    period,
    prices,
    storedMinutes,
    deliveredMinutes,
    classDeliveredMinutes: classMinutes,
    reservedMinutes: (reserved?.seconds ?? 0) / 60,
    storageCents,
    deliveryCents,
    totalCents: storageCents + deliveryCents,
    /** Cloudflare's storage figures for the tenant's own account, latest in the period (null on the platform's). */
    cloudflareStorage: account ?? null,
    coverage: { days: daysIn(period), fetchedDays: coverage.covered.size, lastError: coverage.lastError },
    videos: perVideo
      .map((v) => {
        const storedVideoMinutes = v.status === "ready" ? (v.storedSeconds ?? 0) / 60 : 0;
        return {
          videoId: v.videoId,
          title: v.title,
          storedMinutes: storedVideoMinutes,
          deliveredMinutes: v.minutes,
          costCents:
            costCents(storedVideoMinutes, prices.storagePer1000Minutes) +
            costCents(v.minutes, prices.deliveryPer1000Minutes),
        };
      })
      .sort((a, b) => b.costCents - a.costCents || a.title.localeCompare(b.title)),
    projection: await monthProjection(db, tenantId, connectionIds, owned, deps.now, prices),
  };
}

/** Every Cloudflare account the tenant's videos and classes live in, and its own. */
async function tenantConnections(db: DbOrTx, tenantId: string) {
  const rows = await db
    .select({ id: cloudflareConnections.id })
    .from(cloudflareConnections)
    .where(
      or(
        eq(cloudflareConnections.tenantId, tenantId),
        sql`exists (select 1 from ${videos} where ${videos.tenantId} = ${tenantId} and ${videos.connectionId} = ${cloudflareConnections.id})`,
        sql`exists (select 1 from ${liveClasses} where ${liveClasses.tenantId} = ${tenantId} and ${liveClasses.connectionId} = ${cloudflareConnections.id})`,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The days of a range whose delivery figures are fetched for every one of the accounts
 * (a day one account failed is not covered), and the latest failure among them.
 */
async function coverageOf(db: DbOrTx, connectionIds: string[], from: string, to: string) {
  if (connectionIds.length === 0) return { covered: new Set<string>(), lastError: null };
  const rows = await db
    .select({
      connectionId: cloudflareUsageDays.connectionId,
      day: cloudflareUsageDays.day,
      fetchedAt: cloudflareUsageDays.fetchedAt,
      error: cloudflareUsageDays.error,
    })
    .from(cloudflareUsageDays)
    .where(
      and(
        inArray(cloudflareUsageDays.connectionId, connectionIds),
        gte(cloudflareUsageDays.day, from),
        lte(cloudflareUsageDays.day, to),
      ),
    )
    .orderBy(desc(cloudflareUsageDays.day));
  const fetched = new Map<string, number>();
  for (const row of rows) if (row.fetchedAt) fetched.set(row.day, (fetched.get(row.day) ?? 0) + 1);
  const covered = new Set([...fetched].filter(([, n]) => n === connectionIds.length).map(([day]) => day));
  return { covered, lastError: rows.find((r) => r.error)?.error ?? null };
}

const uidKey = (connectionId: string, uid: string) => `${connectionId}/${uid}`;
const sumOf = (keys: Iterable<string>, minutes: Map<string, number>) => {
  let total = 0;
  for (const key of keys) total += minutes.get(key) ?? 0;
  return total;
};

/**
 * What Cloudflare may deliver for the tenant, by account and uid: its videos, and its live
 * classes under their input (live) and recording (replay) uids, unless the recording became
 * one of its videos.
 */
async function deliverables(db: DbOrTx, tenantId: string) {
  const videoRows = await db
    .select({
      videoId: videos.id,
      title: videos.title,
      connectionId: videos.connectionId,
      uid: videos.cloudflareUid,
      storedSeconds: videos.durationSeconds,
      status: videos.status,
    })
    .from(videos)
    .where(eq(videos.tenantId, tenantId));
  const classRows = await db
    .select({
      connectionId: liveClasses.connectionId,
      inputUid: liveClasses.liveInputUid,
      recordingUid: liveClasses.recordingUid,
      catalogVideoId: liveClasses.catalogVideoId,
    })
    .from(liveClasses)
    .where(eq(liveClasses.tenantId, tenantId));
  const classUids = new Set<string>();
  for (const row of classRows) {
    classUids.add(uidKey(row.connectionId, row.inputUid));
    if (row.recordingUid && !row.catalogVideoId) classUids.add(uidKey(row.connectionId, row.recordingUid));
  }
  const videoUids = new Set(videoRows.map((v) => uidKey(v.connectionId, v.uid)));
  for (const key of videoUids) classUids.delete(key);
  return { videos: videoRows, videoUids, classUids };
}

/**
 * Cloudflare's minutes delivered over a range of days, per account and uid. One pass over
 * the accounts' rows (their key leads with the account and the day), matched to the
 * tenant's uids in memory: a few thousand sums instead of a join per row.
 */
async function deliveredByUid(db: DbOrTx, connectionIds: string[], from: string, to: string) {
  const minutes = new Map<string, number>();
  if (connectionIds.length === 0) return minutes;
  const d = cloudflareDeliveryDaily;
  const rows = await db
    .select({
      connectionId: d.connectionId,
      uid: d.videoUid,
      minutes: sql<number>`sum(${d.minutes})::float8`,
    })
    .from(d)
    .where(and(inArray(d.connectionId, connectionIds), gte(d.day, from), lte(d.day, to)))
    .groupBy(d.connectionId, d.videoUid);
  for (const row of rows) minutes.set(uidKey(row.connectionId, row.uid), row.minutes);
  return minutes;
}

type Deliverables = Awaited<ReturnType<typeof deliverables>>;
const tenantMinutes = (owned: Deliverables, minutes: Map<string, number>) =>
  sumOf(owned.videoUids, minutes) + sumOf(owned.classUids, minutes);

const PACE_DAYS = 7;

/**
 * This month's bill if the rest of it goes like the last week: the minutes stored now, and
 * the minutes delivered so far this month plus the recent daily pace for the days left.
 * Cloudflare's figures come a day late, so today counts among the days left.
 */
async function monthProjection(
  db: DbOrTx,
  tenantId: string,
  connectionIds: string[],
  owned: Deliverables,
  now: Date,
  prices: typeof DEFAULT_PRICES,
) {
  const today = dayOf(now);
  const yesterday = addDays(today, -1);
  const monthStart = `${today.slice(0, 8)}01`;
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const daysLeft = daysInMonth - (now.getUTCDate() - 1);
  const soFar =
    today === monthStart ? 0 : tenantMinutes(owned, await deliveredByUid(db, connectionIds, monthStart, yesterday));
  const paceFrom = addDays(today, -PACE_DAYS);
  const { covered } = await coverageOf(db, connectionIds, paceFrom, yesterday);
  const recent =
    covered.size > 0 ? tenantMinutes(owned, await deliveredByUid(db, connectionIds, paceFrom, yesterday)) : 0;
  const dailyPace = covered.size > 0 ? recent / covered.size : 0;
  const [stored] = await db
    .select({ seconds: analyticsTenantDaily.storedSeconds })
    .from(analyticsTenantDaily)
    .where(and(eq(analyticsTenantDaily.tenantId, tenantId), lte(analyticsTenantDaily.day, today)))
    .orderBy(desc(analyticsTenantDaily.day))
    .limit(1);
  const storedMinutesNow = Number(stored?.seconds ?? 0) / 60;
  const projectedDelivered = soFar + dailyPace * daysLeft;
  return {
    month: monthStart.slice(0, 7),
    storedMinutesNow,
    deliveredMinutesSoFar: soFar,
    /** Minutes delivered a day, over the last week's days that Cloudflare's figures cover. */
    dailyPaceMinutes: dailyPace,
    projectedDeliveredMinutes: projectedDelivered,
    projectedCents:
      costCents(storedMinutesNow, prices.storagePer1000Minutes) +
      costCents(projectedDelivered, prices.deliveryPer1000Minutes),
  };
}

const BACKFILL_DAYS = 7;
/** GraphQL is cost-limited per account (about 320 per 5 minutes): one run stays well inside it. */
const CALLS_PER_CONNECTION = BACKFILL_DAYS + 1;

/**
 * Today's snapshot of an account's storage as Cloudflare counts it, once a day. A failure
 * leaves no row: the next run tries again, and the delivery figures report the error.
 */
async function snapshotStorage(
  deps: CloudflareDeps & { db: Db; now: () => Date },
  connectionId: string,
  today: string,
) {
  const [taken] = await deps.db
    .select({ day: cloudflareStorageDaily.day })
    .from(cloudflareStorageDaily)
    .where(and(eq(cloudflareStorageDaily.connectionId, connectionId), eq(cloudflareStorageDaily.day, today)));
  if (taken) return false;
  try {
    const client = await resolveConnectionClient(deps, connectionId);
    const usage = await client.storageUsage();
    await deps.db
      .insert(cloudflareStorageDaily)
      .values({
        connectionId,
        day: today,
        storedMinutes: usage.totalStorageMinutes,
        limitMinutes: usage.totalStorageMinutesLimit,
        videoCount: usage.videoCount,
        fetchedAt: deps.now(),
      })
      .onConflictDoNothing();
    return true;
  } catch {
    return false;
  }
}

/**
 * Fetches Cloudflare's storage figures for today and its minutes delivered for the last
 * days not fetched yet, for every account we hold a token for. A failure (a token without Account Analytics Read, a rate
 * limit) is recorded on the day and retried next run.
 */
export async function fetchCloudflareUsage(deps: CloudflareDeps & { db: Db; now: () => Date }) {
  const today = dayOf(deps.now());
  const days = Array.from({ length: BACKFILL_DAYS }, (_, i) => addDays(today, -(i + 1)));
  const connections = await deps.db
    .select({ id: cloudflareConnections.id })
    .from(cloudflareConnections)
    .where(isNotNull(cloudflareConnections.apiTokenSealed));
  const counts = { connections: 0, days: 0, storage: 0, failed: 0 };
  for (const connection of connections) {
    if (await snapshotStorage(deps, connection.id, today)) counts.storage++;
    const done = await deps.db
      .select({ day: cloudflareUsageDays.day })
      .from(cloudflareUsageDays)
      .where(
        and(
          eq(cloudflareUsageDays.connectionId, connection.id),
          isNotNull(cloudflareUsageDays.fetchedAt),
          inArray(cloudflareUsageDays.day, days),
        ),
      );
    const todo = days.filter((day) => !done.some((d) => d.day === day)).slice(0, CALLS_PER_CONNECTION);
    if (todo.length === 0) continue;
    counts.connections++;
    for (const day of todo) {
      try {
        const client = await resolveConnectionClient(deps, connection.id);
        const rows = await client.minutesDelivered(day);
        await deps.db.transaction(async (tx) => {
          await tx
            .delete(cloudflareDeliveryDaily)
            .where(and(eq(cloudflareDeliveryDaily.connectionId, connection.id), eq(cloudflareDeliveryDaily.day, day)));
          if (rows.length > 0) {
            await tx
              .insert(cloudflareDeliveryDaily)
              .values(rows.map((r) => ({ connectionId: connection.id, day, videoUid: r.uid, minutes: r.minutes })));
          }
          await tx
            .insert(cloudflareUsageDays)
            .values({ connectionId: connection.id, day, fetchedAt: deps.now(), error: null })
            .onConflictDoUpdate({
              target: [cloudflareUsageDays.connectionId, cloudflareUsageDays.day],
              set: { fetchedAt: deps.now(), error: null },
            });
        });
        counts.days++;
      } catch (error) {
        counts.failed++;
        const mapped = toAppError(error);
        const message = (mapped instanceof Error ? mapped.message : String(mapped)).slice(0, 500);
        await deps.db
          .insert(cloudflareUsageDays)
          .values({ connectionId: connection.id, day, error: message })
          .onConflictDoUpdate({
            target: [cloudflareUsageDays.connectionId, cloudflareUsageDays.day],
            set: { error: message },
          });
        // The same token fails the same way for the other days: try again next run.
        break;
      }
    }
  }
  return counts;
}
