import type { SeedContext } from "./seed-context.ts";

/** The share of the catalog uploaded in the first days: the library the school brought along. */
const LAUNCH_LIBRARY = 0.1;

/**
 * Ready videos in upload order (`bench_videos`, idx 1 = first): the launch library, then a
 * steady flow over the year. Durations run from 2 to 60 minutes, most of them short. Each
 * gets a popularity rank (a random permutation) the sessions draw from with a power law.
 */
export async function seedVideos(
  { sql, options, tenantId, connectionId, start, now }: SeedContext,
  premiumTierId: string,
) {
  const launch = Math.max(1, Math.floor(options.videos * LAUNCH_LIBRARY));
  const later = Math.max(1, options.videos - launch);
  await sql`
    create temp table bench_videos on commit drop as
    select v.*, row_number() over (order by v.u_rank) as pop_rank
    from (
      select g as idx, pg_temp.stable_id(${options.seed}::int || '-video-' || g) as id,
        ${start}::timestamptz + (${now}::timestamptz - ${start}::timestamptz) * case
          when g <= ${launch}::int then 0.01 * (g - random()) / ${launch}::float8
          else 0.01 + 0.99 * (g - ${launch}::int - random()) / ${later}::float8
        end as created_at,
        round(120 * power(30, random()))::int as duration_seconds,
        random() as u_rank
      from generate_series(1, ${options.videos}::int) g
      offset 0
    ) v`;
  await sql`create unique index on bench_videos (idx)`;
  await sql`
    insert into videos (id, tenant_id, connection_id, cloudflare_uid, title, description, tags, access_level,
      required_tier_id, status, require_signed_urls, duration_seconds, poster_seconds, width, height, size_bytes,
      ready_at, created_at, updated_at)
    select v.id, ${tenantId}, ${connectionId}, md5(${options.seed}::int || '-uid-' || v.idx),
      topic || ': ' || focus || ' ' || (1 + v.idx / 60),
      'A ' || round(v.duration_seconds / 60.0) || '-minute session on ' || lower(focus) || '.',
      array[lower(topic)], case when v.idx % 5 = 0 then 'tier' else 'members' end::video_access,
      case when v.idx % 5 = 0 then ${premiumTierId}::uuid end, 'ready', true, v.duration_seconds, 5, 1920, 1080,
      v.duration_seconds::bigint * 400000, v.created_at, v.created_at, v.created_at
    from bench_videos v
    cross join lateral (
      select (array['Kata','Kihon','Kumite','Conditioning','Weapons','Theory','Self-defence','Mobility'])[1 + v.idx % 8] as topic,
        (array['Footwork','Breathing','Timing','Distance','Balance','Power','Speed','Guard','Sweeps','Throws'])
          [1 + (v.idx / 8) % 10] as focus
    ) words`;
}
