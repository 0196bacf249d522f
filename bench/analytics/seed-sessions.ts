import type { SeedContext } from "./seed-context.ts";

/** Zipf exponent of video popularity: the top video draws ~12% of the non-release views. */
const POPULARITY_EXPONENT = 1.1;
/** The share of views that go to one of the 25 newest videos of the day. */
const NEW_RELEASE_SHARE = 0.3;

/**
 * One row per UTC day (`bench_days`) with how many sessions it gets: proportional to the
 * members who had joined by then, with a weekly rhythm (weekends high, Fridays low), a mild
 * season (January high, July low), some noise, and today cut at `now`. The counts add up to
 * exactly `sessions`.
 */
export async function planDays({ sql, options, start, now }: SeedContext) {
  await sql`
    create temp table bench_days on commit drop as
    select w.idx, w.day_start, w.day_end, w.members_before, w.videos_before,
      (floor(${options.sessions}::numeric * w.cum / w.total)
        - floor(${options.sessions}::numeric * (w.cum - w.weight) / w.total))::int as n
    from (
      select x.*, sum(x.weight) over (order by x.idx) as cum, sum(x.weight) over () as total
      from (
        select d.idx, d.day_start, d.day_end, d.members_before, d.videos_before,
          (d.members_before * (array[1.25, 1.05, 0.95, 0.95, 0.9, 0.8, 1.2])[extract(dow from d.day_start)::int + 1]
            * (1 + 0.12 * cos(2 * pi() * (extract(doy from d.day_start) - 15) / 365))
            * (0.9 + 0.2 * d.u_noise)
            * extract(epoch from d.day_end - d.day_start) / 86400
            * sign(d.videos_before))::numeric as weight
        from (
          select row_number() over (order by g) as idx, g as day_start, least(g + interval '1 day', ${now}) as day_end,
            random() as u_noise,
            (select count(*) from bench_members m where m.joined_at < g)::int as members_before,
            (select count(*) from bench_videos v where v.created_at < g)::int as videos_before
          from generate_series(date_trunc('day', ${start}::timestamptz), ${now}::timestamptz, interval '1 day') g
          offset 0
        ) d
      ) x
    ) w`;
}

/**
 * The sessions, in one statement: a time of day peaking at 18:00 UTC; a member among those
 * who had joined (a tenth of them binge, most drop by now and then); a video among those
 * already uploaded, either a new release or one drawn by popularity (Zipf); and how far they
 * got (a quarter drop out early, a third finish), with seconds watched and positions
 * consistent with the duration.
 */
export async function seedSessions({ sql, options, tenantId, now }: SeedContext) {
  const exponent = 1 - POPULARITY_EXPONENT;
  const zipfScale = options.videos ** exponent - 1;
  await sql`
    insert into watch_sessions (id, tenant_id, video_id, user_id, seconds_watched, furthest_position, last_position,
      started_at, last_heartbeat_at)
    select pg_temp.stable_id(${options.seed}::int || '-session-' || p.day_idx || '-' || p.g), ${tenantId}, v.id, m.user_id,
      w.seconds, w.furthest, w.last, p.started_at, least(${now}, p.started_at + w.seconds * interval '1.1 seconds')
    from (
      select q.*,
        case when q.u_release < ${NEW_RELEASE_SHARE}::float8
          then q.videos_before - floor(q.u_pick * least(q.videos_before, 25))::int
          when q.popular_idx <= q.videos_before then q.popular_idx
          else 1 + floor(q.u_pick * q.videos_before)::int end as video_idx
      from (
        -- Every draw in one select list, fenced by offset 0, so each row draws each number once.
        select d.idx as day_idx, g, d.videos_before,
          d.day_start + (d.day_end - d.day_start) * case when random() < 0.65
            then (18 + 4 * (random() + random() + random() - 1.5)) / 24
            else random() end as started_at,
          -- Every tenth member binges (half the views), four in ten are regulars, the rest drop by.
          case when random() < 0.5 and d.members_before >= 10 then 10 * (1 + floor(random() * (d.members_before / 10)))::int
            when random() < 0.8 and d.members_before >= 10
              then least(d.members_before, 10 * floor(random() * (d.members_before / 10))::int + 1 + floor(random() * 4)::int)
            else 1 + floor(random() * d.members_before)::int end as member_idx,
          pop.by_pop[least(${options.videos}::int,
            floor(power(${zipfScale}::float8 * random() + 1, 1 / ${exponent}::float8)))::int] as popular_idx,
          random() as u_release, random() as u_pick, random() as u_shape, random() as u_depth,
          random() as u_replay, random() as u_last
        from bench_days d
        cross join (select array_agg(idx order by pop_rank) as by_pop from bench_videos) pop
        cross join lateral generate_series(1, d.n) g
        where d.n > 0
        offset 0
      ) q
    ) p
    join bench_members m on m.idx = p.member_idx
    join bench_videos v on v.idx = p.video_idx
    cross join lateral (
      select c.furthest, greatest(5, round(c.furthest * (0.8 + 0.4 * p.u_replay)))::int as seconds,
        round(c.furthest * (0.85 + 0.15 * p.u_last)) as last
      from (
        select round(v.duration_seconds * case when p.u_shape < 0.25 then 0.02 + 0.13 * p.u_depth
          when p.u_shape < 0.67 then 0.15 + 0.75 * p.u_depth else 0.9 + 0.1 * p.u_depth end) as furthest
      ) c
    ) w`;
}
