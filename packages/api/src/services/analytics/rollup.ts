import {
  analyticsTenantDaily,
  analyticsVideoDaily,
  analyticsViewerDaily,
  type Db,
  memberships,
  tenants,
  watchSessions,
} from "@marquee/db";
import { and, eq, gte, lte, min, notExists, sql } from "drizzle-orm";

const DAY = 86_400_000;
/** Sessions keep growing for a while after they start (heartbeats): recent days are rolled again. */
export const RECENT_DAYS = 2;

/** A UTC day as Postgres' `date` text. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY));

/** Session days are UTC days, whatever the database session's time zone. */
const utcDay = (column: unknown) => sql`((${column}) at time zone 'UTC')::date`;

/**
 * The first day to roll: the recent days always; before them, every day since a tenant's
 * last rolled day (or its first activity, on the first run) so gaps are backfilled.
 */
async function firstDayToRoll(db: Db, today: string): Promise<string> {
  const candidates = [addDays(today, -RECENT_DAYS)];
  const [rolled] = await db.select({ from: sql<string | null>`min(last_day + 1)::text` }).from(
    db
      .select({ lastDay: sql<string>`max(${analyticsTenantDaily.day})`.as("last_day") })
      .from(analyticsTenantDaily)
      .groupBy(analyticsTenantDaily.tenantId)
      .as("per_tenant"),
  );
  if (rolled?.from) candidates.push(rolled.from);
  const [unrolled] = await db
    .select({ at: min(tenants.createdAt) })
    .from(tenants)
    .where(
      notExists(
        db.select({ one: sql`1` }).from(analyticsTenantDaily).where(eq(analyticsTenantDaily.tenantId, tenants.id)),
      ),
    );
  if (unrolled?.at) {
    // A tenant never rolled up: from its first day, or the first day of data seeded before it.
    candidates.push(dayOf(unrolled.at));
    const [firstSession] = await db.select({ at: min(watchSessions.startedAt) }).from(watchSessions);
    const [firstMember] = await db.select({ at: min(memberships.createdAt) }).from(memberships);
    for (const at of [firstSession?.at, firstMember?.at]) if (at) candidates.push(dayOf(at));
  }
  return candidates.sort()[0] ?? today;
}

export type RollupCounts = { days: number; videoRows: number; tenantRows: number };

/**
 * Rewrites the rollups of days `from`..`to` (inclusive, UTC) for every tenant from the raw
 * rows, in one transaction: running it again gives the same rows.
 */
export async function rollUpDays(db: Db, from: string, to: string, now: Date): Promise<RollupCounts> {
  const start = sql`${from}::date`;
  const endExclusive = sql`(${to}::date + 1)`;
  // UTC bounds as timestamps, so the indexes on started_at / created_at are used.
  const startAt = sql`(${from}::date::timestamp at time zone 'UTC')`;
  const endAt = sql`((${to}::date + 1)::timestamp at time zone 'UTC')`;
  return db.transaction(async (tx) => {
    // The planner guesses 1,000 days per tenant for the series below, which prices the tenant
    // statement high enough for JIT: compiling it cost seconds per hourly run for 3 real days.
    await tx.execute(sql`set local jit = off`);
    await tx
      .delete(analyticsVideoDaily)
      .where(and(gte(analyticsVideoDaily.day, from), lte(analyticsVideoDaily.day, to)));
    await tx
      .delete(analyticsViewerDaily)
      .where(and(gte(analyticsViewerDaily.day, from), lte(analyticsViewerDaily.day, to)));
    await tx
      .delete(analyticsTenantDaily)
      .where(and(gte(analyticsTenantDaily.day, from), lte(analyticsTenantDaily.day, to)));

    // Both inserts store a tenant's days in order: a backfilled year then reads like one rolled
    // up hour by hour, where a period's rows share few pages and the hourly rewrite of the recent
    // days leaves the older pages all-visible for index-only scans.
    await tx.execute(sql`
      insert into analytics_video_daily (tenant_id, video_id, day, views, viewers, seconds_watched, completion_sum)
      select s.tenant_id, s.video_id, ${utcDay(sql`s.started_at`)}, count(*), count(distinct s.user_id),
             coalesce(sum(s.seconds_watched), 0),
             coalesce(sum(least(1, s.furthest_position / nullif(v.duration_seconds, 0))), 0)
      from watch_sessions s join videos v on v.id = s.video_id
      where s.started_at >= ${startAt} and s.started_at < ${endAt}
      group by 1, 2, 3
      order by 1, 3`);

    await tx.execute(sql`
      insert into analytics_viewer_daily (tenant_id, day, user_id, views, seconds_watched)
      select s.tenant_id, ${utcDay(sql`s.started_at`)}, s.user_id, count(*), coalesce(sum(s.seconds_watched), 0)
      from watch_sessions s
      where s.started_at >= ${startAt} and s.started_at < ${endAt}
      group by 1, 2, 3
      order by 1, 2`);

    // One row per tenant and day from the tenant's creation on. The subscription book is as
    // of the end of the day (or now, for today): subscriptions started by then and not yet
    // ended, in a paying state; a yearly price counts a twelfth per month.
    await tx.execute(sql`
      insert into analytics_tenant_daily (tenant_id, day, views, viewers, seconds_watched, new_members, enrollments,
        enrollment_tokens, token_purchases, tokens_sold, token_sales_cents, active_subscribers, subscribers_by_tier,
        mrr_cents, stored_seconds, rolled_up_at)
      select t.id, d.day,
        coalesce(vw.views, 0), coalesce(vw.viewers, 0), coalesce(vw.seconds, 0),
        coalesce(nm.members, 0), coalesce(en.enrollments, 0), coalesce(en.tokens, 0),
        coalesce(tk.purchases, 0), coalesce(tk.tokens, 0), coalesce(tk.cents, 0),
        coalesce(sb.subscribers, 0), coalesce(sb.by_tier, '{}'::jsonb), coalesce(sb.mrr, 0), coalesce(st.seconds, 0), ${now.toISOString()}::timestamptz
      from tenants t
      cross join lateral (
        select g::date as day from generate_series(greatest(${start}, (t.created_at at time zone 'UTC')::date), ${to}::date, interval '1 day') g
      ) d
      left join lateral (
        select sum(views)::int as views, count(*)::int as viewers, sum(seconds_watched) as seconds
        from analytics_viewer_daily where tenant_id = t.id and day = d.day
      ) vw on true
      left join lateral (
        select count(*)::int as members from memberships m
        where m.tenant_id = t.id and m.role = 'member'
          and m.created_at >= (d.day::timestamp at time zone 'UTC') and m.created_at < ((d.day + 1)::timestamp at time zone 'UTC')
      ) nm on true
      left join lateral (
        select count(*)::int as enrollments, coalesce(sum(e.price_paid), 0)::int as tokens from class_enrollments e
        where e.tenant_id = t.id and e.refunded_at is null
          and e.created_at >= (d.day::timestamp at time zone 'UTC') and e.created_at < ((d.day + 1)::timestamp at time zone 'UTC')
      ) en on true
      left join lateral (
        select count(*)::int as purchases, coalesce(sum(l.delta), 0)::int as tokens, coalesce(sum(l.amount_cents), 0) as cents
        from token_ledger l
        where l.tenant_id = t.id and l.reason = 'purchase'
          and l.created_at >= (d.day::timestamp at time zone 'UTC') and l.created_at < ((d.day + 1)::timestamp at time zone 'UTC')
      ) tk on true
      left join lateral (
        select coalesce(sum(per_tier.n), 0)::int as subscribers,
          jsonb_object_agg(per_tier.tier_id, per_tier.n) as by_tier,
          coalesce(sum(per_tier.mrr), 0) as mrr
        from (
          select s.tier_id::text as tier_id, count(*)::int as n,
            sum(case when s.interval = 'year' then coalesce(s.amount_cents, 0) / 12.0 else coalesce(s.amount_cents, 0) end) as mrr
          from subscriptions s
          where s.tenant_id = t.id
            and s.status in ('active', 'trialing', 'past_due', 'canceled', 'unpaid')
            and s.created_at < least(((d.day + 1)::timestamp at time zone 'UTC'), ${now.toISOString()}::timestamptz)
            -- canceled_at is when a cancellation was asked for, which may be long before it ends.
            and coalesce(s.ended_at, case when s.status in ('canceled', 'unpaid') then s.updated_at end, 'infinity'::timestamptz)
                > least(((d.day + 1)::timestamp at time zone 'UTC'), ${now.toISOString()}::timestamptz)
          group by s.tier_id
        ) per_tier
      ) sb on true
      left join lateral (
        -- Ready videos, and class recordings not (yet) in the catalog nor deleted; each
        -- rounded up to the second, as Cloudflare counts storage.
        select coalesce((select sum(ceil(v.duration_seconds)) from videos v
            where v.tenant_id = t.id and v.status = 'ready'
              and coalesce(v.ready_at, v.created_at) < ((d.day + 1)::timestamp at time zone 'UTC')), 0)
          + coalesce((select sum(c.recording_duration_seconds) from live_classes c
            where c.tenant_id = t.id and c.recording_status = 'ready' and c.catalog_video_id is null
              and c.ended_at < ((d.day + 1)::timestamp at time zone 'UTC')), 0) as seconds
      ) st on true
      where d.day < ${endExclusive}`);

    const [videoRows] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(analyticsVideoDaily)
      .where(and(gte(analyticsVideoDaily.day, from), lte(analyticsVideoDaily.day, to)));
    const [tenantRows] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(analyticsTenantDaily)
      .where(and(gte(analyticsTenantDaily.day, from), lte(analyticsTenantDaily.day, to)));
    const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
    return { days, videoRows: videoRows?.n ?? 0, tenantRows: tenantRows?.n ?? 0 };
  });
}

/** The scheduled rollup: backfills missing days and rewrites the recent ones. */
export async function rollUp(db: Db, now: Date): Promise<RollupCounts> {
  const today = dayOf(now);
  return rollUpDays(db, await firstDayToRoll(db, today), today, now);
}

const PRUNE_BATCH = 50_000;

/**
 * Deletes raw watch sessions older than each tenant's retention, but only from days the
 * rollups already hold (never the recent days, which are rolled again). Batched, so a
 * large backlog never holds long locks.
 */
export async function pruneWatchSessions(db: Db, now: Date): Promise<number> {
  const rolledBefore = addDays(dayOf(now), -RECENT_DAYS);
  const doomed = db
    .select({ id: watchSessions.id })
    .from(watchSessions)
    .innerJoin(tenants, sql`${tenants.id} = ${watchSessions.tenantId}`)
    .where(
      and(
        sql`${watchSessions.startedAt} < ${now.toISOString()}::timestamptz - make_interval(months => ${tenants.watchRetentionMonths})`,
        sql`${watchSessions.startedAt} < (${rolledBefore}::date::timestamp at time zone 'UTC')`,
      ),
    )
    .limit(PRUNE_BATCH);
  const deleted = await db
    .delete(watchSessions)
    .where(sql`${watchSessions.id} in (${doomed})`)
    .returning({ id: watchSessions.id });
  return deleted.length;
}
