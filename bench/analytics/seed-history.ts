import { type DatabaseHandle, migrateDatabase, migrationsFolder, openDatabase } from "@marquee/db";
import postgres from "postgres";
// The bench is a leaf of the workspace, so reaching into the api's services by path is fine here.
import { rollUp } from "../../packages/api/src/services/analytics/rollup.ts";
import { dropIndexes } from "./bulk-load.ts";
import { HISTORY_OWNER, HISTORY_TENANT_SLUG, readHistoryOptions } from "./options.ts";
import { seedClasses } from "./seed-classes.ts";
import { type SeedContext, STABLE_ID_SQL } from "./seed-context.ts";
import { seedDelivery } from "./seed-delivery.ts";
import { seedMembers, seedSubscriptions } from "./seed-members.ts";
import { planDays, seedSessions } from "./seed-sessions.ts";
import { seedTenant } from "./seed-tenant.ts";
import { seedVideos } from "./seed-videos.ts";
import { formatDuration, timed } from "./timing.ts";

/**
 * Seeds a tenant with `--months` of history (members, videos, watch sessions, subscriptions,
 * token sales, live classes) into an empty database, rolls it up as the hourly job would on
 * its first run, times that and the next hourly run, and leaves the database analyzed for
 * `bench:analytics`. The same `--seed` and `--now` give the same rows.
 */

const options = readHistoryOptions(process.argv.slice(2));

async function seed(now: Date, start: Date) {
  // A client of its own: the drizzle handle's client passes dates through untouched.
  const client = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await client.begin((sql) => seedAll(sql, now, start));
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function seedAll(sql: postgres.TransactionSql, now: Date, start: Date) {
  // setseed takes a number in [-1, 1]; the golden ratio spreads nearby seeds apart.
  await sql`select setseed(${((options.seed * 0.618_033_988_7) % 1) * 2 - 1}::float8)`;
  await sql`set local time zone 'UTC'`;
  await sql`set local work_mem = '256MB'`;
  await sql`set local maintenance_work_mem = '512MB'`;
  await sql`set local synchronous_commit = off`;
  // Compiling these one-off statements costs seconds and saves nothing.
  await sql`set local jit = off`;
  await sql.unsafe(STABLE_ID_SQL);
  const { value: tenant } = await timed("tenant, staff, tiers, token packs", () => seedTenant(sql, options, start));
  const ctx: SeedContext = { sql, options, tenantId: tenant.tenantId, connectionId: tenant.connectionId, start, now };
  await timed(`${options.members} members`, () => seedMembers(ctx));
  await timed("subscriptions", () => seedSubscriptions(ctx));
  await timed(`${options.videos} videos`, () => seedVideos(ctx, tenant.premiumTierId));
  await timed("sessions per day", () => planDays(ctx));
  const restore = await timed("drop watch_sessions indexes and keys", () => dropIndexes(sql, "watch_sessions"));
  await timed(`${options.sessions} watch sessions`, () => seedSessions(ctx));
  await timed("rebuild watch_sessions indexes and keys", restore.value);
  const live = await timed("classes, enrollments, ledger, attendance", () => seedClasses(ctx, tenant.instructorId));
  console.log(
    `  ${live.value.classes} classes, ${live.value.enrollments} enrollments, ${live.value.ledger} ledger rows, ${live.value.attendance} attendances`,
  );
  return { tenantId: tenant.tenantId, connectionId: tenant.connectionId };
}

async function printCounts(handle: Extract<DatabaseHandle, { driver: "postgres" }>) {
  const [counts] = await handle.client`
    select (select count(*) from memberships)::int as memberships,
      (select count(*) from videos)::int as videos,
      (select count(*) from watch_sessions)::int as sessions,
      (select count(*) from subscriptions where ended_at is null)::int as live_subscriptions,
      (select count(*) from subscriptions where ended_at is not null)::int as ended_subscriptions,
      (select count(*) from token_ledger where reason = 'purchase')::int as token_purchases,
      (select count(*) from analytics_video_daily)::int as video_days,
      (select count(*) from analytics_viewer_daily)::int as viewer_days,
      (select count(*) from analytics_tenant_daily)::int as tenant_days`;
  console.log("\nrows:", counts);
}

try {
  const handle = await openDatabase({ url: options.databaseUrl, maxConnections: 2 });
  try {
    if (handle.driver !== "postgres") throw new Error("the analytics bench needs PostgreSQL");
    const now = options.now;
    const start = new Date(now);
    start.setUTCMonth(start.getUTCMonth() - options.months);
    await timed("migrations", () => migrateDatabase(handle, migrationsFolder));
    const seeded = await timed("seed (one transaction)", () => seed(now, start));
    await timed("analyze", () => handle.client`analyze`);
    const full = await timed("rollUp, full history (first run)", () => rollUp(handle.db, now));
    const delivery = await timed("Cloudflare's minutes delivered and storage, per day", () =>
      seedDelivery(handle.client, seeded.value.tenantId, seeded.value.connectionId, now.toISOString().slice(0, 10)),
    );
    console.log(`  ${delivery.value.deliveryRows} delivery rows over ${delivery.value.days} fetched days`);
    // The hourly job an hour later: it rolls the recent days again.
    const hourly = await timed("rollUp, recent days (the hourly run)", () =>
      rollUp(handle.db, new Date(now.getTime() + 3_600_000)),
    );
    // What autovacuum would have done by the time anyone opens the dashboard.
    await timed("vacuum analyze", () => handle.client`vacuum analyze`);
    await printCounts(handle);
    console.log(`\nseed: ${formatDuration(seeded.ms)}`);
    console.log(`rollUp full history: ${formatDuration(full.ms)} (${full.value.days} days)`);
    console.log(`rollUp hourly: ${formatDuration(hourly.ms)} (${hourly.value.days} days)`);
    console.log(
      `\nconsole login for "${HISTORY_TENANT_SLUG}" (render:analytics uses it): ${HISTORY_OWNER.email} / ${HISTORY_OWNER.password}`,
    );
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
