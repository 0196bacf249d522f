import type { SeedContext } from "./seed-context.ts";
import { TIERS } from "./seed-tenant.ts";

/** The share of members who signed up in the tenant's first two weeks (an existing school moving over). */
const FOUNDERS = 0.08;
/** Above 1, sign-ups accelerate through the year. */
const GROWTH = 1.7;

/**
 * Members in join order (`bench_members`, idx 1 = first): founders in the first weeks, then
 * accelerating growth. The index order is the join order, which the sessions rely on.
 */
export async function seedMembers({ sql, options, tenantId, start, now }: SeedContext) {
  const founders = Math.max(1, Math.floor(options.members * FOUNDERS));
  const others = Math.max(1, options.members - founders);
  await sql`
    create temp table bench_members on commit drop as
    select g as idx, pg_temp.stable_id(${options.seed}::int || '-member-' || g) as user_id,
      ${start}::timestamptz + (${now}::timestamptz - ${start}::timestamptz) * case
        when g <= ${founders}::int then 0.04 * (g - random()) / ${founders}::float8
        else 0.04 + 0.96 * power((g - ${founders}::int - random()) / ${others}::float8, 1 / ${GROWTH}::float8)
      end as joined_at
    from generate_series(1, ${options.members}::int) g`;
  await sql`
    insert into users (id, email, name, password_hash, created_at, updated_at)
    select user_id, 'member-' || idx || '@analytics.bench',
      (array['Ada','Ben','Chen','Dara','Eli','Fatima','Goran','Hana','Ines','Jonas','Kemal','Lea'])[1 + idx % 12]
        || ' ' || (array['Ito','Novak','Silva','Berg','Okafor','Rossi','Kim','Dubois','Weber','Lund'])[1 + (idx / 12) % 10],
      'not-a-hash', joined_at, joined_at
    from bench_members`;
  await sql`
    insert into memberships (tenant_id, user_id, role, created_at, updated_at)
    select ${tenantId}, user_id, 'member', joined_at, joined_at from bench_members`;
}

/**
 * About two thirds of members subscribe within ten days of joining: mostly Basic, a quarter
 * yearly. Monthly plans churn ~4.5% a month and yearly ones ~30% at renewal, so a share ended
 * (cancelled, with ended_at); a few live ones are past due.
 */
export async function seedSubscriptions({ sql, tenantId, now }: SeedContext) {
  const tiers = TIERS.map((tier) => tier.rank);
  await sql`
    insert into subscriptions (tenant_id, user_id, tier_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      interval, amount_cents, currency, status, current_period_end, past_due_since, canceled_at, ended_at,
      created_at, updated_at)
    select ${tenantId}, s.user_id, t.id, 'sub_bench_' || s.idx, 'cus_bench_' || s.idx,
      'price_bench_' || t.rank || '_' || s.interval, s.interval::billing_interval,
      case when s.interval = 'year' then t.yearly_price_cents else t.monthly_price_cents end, 'usd',
      (case when s.ends_at <= ${now} then 'canceled' when s.u_state < 0.03 then 'past_due' else 'active' end)::subscription_status,
      case when s.ends_at <= ${now} then s.ends_at
        else ${now}::timestamptz + s.u_period * (case when s.interval = 'year' then interval '365 days' else interval '30 days' end)
      end,
      case when s.ends_at > ${now} and s.u_state < 0.03 then ${now}::timestamptz - s.u_period * interval '6 days' end,
      case when s.ends_at <= ${now} then greatest(s.created_at, s.ends_at - s.u_period * interval '20 days') end,
      case when s.ends_at <= ${now} then s.ends_at end,
      s.created_at, least(${now}, s.ends_at)
    from (
      select d.*,
        d.created_at + case when d.interval = 'year'
          then greatest(1, ceil(-ln(1 - d.u_life) / 0.35)) * interval '1 year'
          else greatest(1, ceil(-ln(1 - d.u_life) / 0.045)) * interval '1 month' end as ends_at
      from (
        select r.idx, r.user_id, r.created_at, r.u_life, r.u_period, r.u_state,
          case when r.u_interval < 0.25 then 'year' else 'month' end as interval,
          (${tiers}::int[])[case when r.u_tier < 0.6 then 1 when r.u_tier < 0.9 then 2 else 3 end] as rank
        from (
          -- Every draw in one select list, fenced by offset 0, so each row draws each number once.
          select m.idx, m.user_id, least(${now}, m.joined_at + random() * interval '10 days') as created_at,
            random() as u_subscribes, random() as u_interval, random() as u_tier, random() as u_life,
            random() as u_period, random() as u_state
          from bench_members m
          offset 0
        ) r
        where r.u_subscribes < 0.66
      ) d
    ) s
    join tiers t on t.tenant_id = ${tenantId} and t.rank = s.rank`;
}
