import type postgres from "postgres";

/**
 * Cloudflare's figures as the usage job would have stored them over the year: minutes
 * delivered per video and day (what was watched, plus a tenth for buffering and quality
 * switches), every day before today fetched, and a daily storage snapshot of the account.
 * Derived from the rolled-up days, so it runs after the first rollup.
 */
export async function seedDelivery(sql: postgres.Sql, tenantId: string, connectionId: string, today: string) {
  const [delivered] = await sql<{ n: number }[]>`
    with inserted as (
      insert into cloudflare_delivery_daily (connection_id, day, video_uid, minutes)
      select v.connection_id, d.day, v.cloudflare_uid, round((d.seconds_watched / 60.0 * 1.1)::numeric, 1)::float8
      from analytics_video_daily d join videos v on v.id = d.video_id
      where d.tenant_id = ${tenantId} and d.day < ${today}::date and d.seconds_watched > 0
      returning 1)
    select count(*)::int as n from inserted`;
  const [days] = await sql<{ n: number }[]>`
    with inserted as (
      insert into cloudflare_usage_days (connection_id, day, fetched_at)
      select ${connectionId}::uuid, day, day + interval '1 day 4 hours 30 minutes'
      from (select distinct day from analytics_tenant_daily where tenant_id = ${tenantId} and day < ${today}::date) d
      returning 1)
    select count(*)::int as n from inserted`;
  await sql`
    insert into cloudflare_storage_daily (connection_id, day, stored_minutes, limit_minutes, video_count, fetched_at)
    select ${connectionId}::uuid, day, stored_seconds / 60.0, 1000000, (select count(*) from videos where tenant_id = ${tenantId}),
      day + interval '4 hours 30 minutes'
    from analytics_tenant_daily where tenant_id = ${tenantId}`;
  return { deliveryRows: delivered?.n ?? 0, days: days?.n ?? 0 };
}
