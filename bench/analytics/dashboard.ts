import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { type DatabaseHandle, openDatabase } from "@marquee/db";
import { topVideos } from "../../packages/api/src/services/analytics/dashboard.ts";
import { rollUp } from "../../packages/api/src/services/analytics/rollup.ts";
import { printTable, writeResults } from "../lib/report.ts";
import { dashboardQueries, pairs, periodOf, type Query, rawQueries, type Subject } from "./dashboard-queries.ts";
import { HISTORY_TENANT_SLUG, readDashboardOptions } from "./options.ts";
import { formatDuration, percentile } from "./timing.ts";

/**
 * The console's analytics queries over the history `seed:analytics` left in --database-url,
 * each run --iterations times (after --warmup) in interleaved rounds, against the same figures
 * computed from the raw watch sessions in the same run. Fails when a dashboard query's p99
 * reaches GOAL_MS or when its figures differ from the raw rows'.
 */

const GOAL_MS = 200;
const HOURLY_RUNS = 3;
const resultsPath = fileURLToPath(new URL("../results/analytics-dashboard.json", import.meta.url));
const options = readDashboardOptions(process.argv.slice(2));
/** The machine's 1-minute load average: p99 on a shared machine means little without it. */
const load = () => (loadavg()[0] ?? 0).toFixed(1);

async function timeOnce(query: Query, samples: Map<string, number[]>) {
  const started = performance.now();
  await query.run();
  const ms = performance.now() - started;
  samples.set(query.label, [...(samples.get(query.label) ?? []), ms]);
}

async function subjectOf(handle: Extract<DatabaseHandle, { driver: "postgres" }>): Promise<Subject> {
  const [tenant] = await handle.client<{ id: string; lastDay: string | null }[]>`
    select t.id, (select max(day)::text from analytics_tenant_daily d where d.tenant_id = t.id) as "lastDay"
    from tenants t where t.slug = ${HISTORY_TENANT_SLUG}`;
  if (!tenant?.lastDay) throw new Error(`no rolled-up tenant "${HISTORY_TENANT_SLUG}" here: run seed:analytics first`);
  const [mostViewed] = await topVideos(handle.db, tenant.id, periodOf(tenant.lastDay, 90), "views", 1);
  if (!mostViewed) throw new Error("no views in the last 90 days");
  const [fullest] = await handle.client<{ id: string }[]>`
    select class_id as id from class_enrollments where tenant_id = ${tenant.id}
    group by class_id order by count(*) desc limit 1`;
  if (!fullest) throw new Error("no class enrollments here: run seed:analytics first");
  return {
    db: handle.db,
    sql: handle.client,
    tenantId: tenant.id,
    lastDay: tenant.lastDay,
    videoId: mostViewed.videoId,
    classId: fullest.id,
  };
}

const cells = (label: string, samples: number[]) => [
  label,
  String(samples.length),
  percentile(samples, 50).toFixed(1),
  percentile(samples, 99).toFixed(1),
];

const handle = await openDatabase({ url: options.databaseUrl, maxConnections: 1 });
try {
  if (handle.driver !== "postgres") throw new Error("the analytics bench needs PostgreSQL");
  const subject = await subjectOf(handle);
  const loadBefore = load();
  const dashboard = dashboardQueries(subject);
  const raw = rawQueries(subject);
  const compared = pairs(subject);
  const disagreements = [];
  for (const pair of compared) {
    const problem = await pair.agree();
    if (problem) disagreements.push(problem);
  }

  console.log(`warming up: ${options.warmup} runs per dashboard query, 1 per raw query…`);
  const unused = new Map<string, number[]>();
  for (let i = 0; i < options.warmup; i++) for (const query of dashboard) await timeOnce(query, unused);
  for (const query of raw) await timeOnce(query, unused);
  const samples = new Map<string, number[]>();
  let rawRounds = 0;
  for (let round = 1; round <= options.iterations; round++) {
    for (const query of dashboard) await timeOnce(query, samples);
    // The raw rounds are spread among the dashboard's, so both meet the same machine.
    while (rawRounds < Math.round((round * options.rawIterations) / options.iterations)) {
      for (const query of raw) await timeOnce(query, samples);
      rawRounds++;
    }
  }
  const hourly: number[] = [];
  // At the instant of the last run: it rolls the same recent days again, as the next hour's run would.
  const [rolled] = await handle.client<{ ms: number }[]>`
    select (extract(epoch from max(rolled_up_at)) * 1000)::float8 as ms from analytics_tenant_daily`;
  for (let i = 0; i < HOURLY_RUNS; i++) {
    const started = performance.now();
    await rollUp(handle.db, new Date(rolled?.ms ?? Date.now()));
    hourly.push(performance.now() - started);
  }

  const p99 = (label: string) => percentile(samples.get(label) ?? [], 99);
  const loadAfter = load();
  console.log(
    `\ntenant "${HISTORY_TENANT_SLUG}", periods ending ${subject.lastDay}; most viewed video ${subject.videoId}`,
  );
  console.log(`${cpus().length} CPUs, load average ${loadBefore} before, ${loadAfter} after\n`);
  printTable(
    ["dashboard query", "runs", "p50 ms", "p99 ms", `< ${GOAL_MS} ms`],
    dashboard.map((q) => [...cells(q.label, samples.get(q.label) ?? []), p99(q.label) < GOAL_MS ? "PASS" : "FAIL"]),
  );
  console.log("");
  printTable(
    ["raw baseline", "runs", "p50 ms", "p99 ms"],
    raw.map((q) => cells(q.label, samples.get(q.label) ?? [])),
  );
  console.log("\nrollup / raw, p50:");
  const p50 = (label: string) => percentile(samples.get(label) ?? [], 50);
  const ratios = Object.fromEntries(compared.map((pair) => [pair.dashboard, p50(pair.dashboard) / p50(pair.raw)]));
  for (const [label, ratio] of Object.entries(ratios)) console.log(`  ${label.padEnd(34)} ${ratio.toFixed(3)}`);
  console.log(
    `\nrollUp, recent days (the hourly run): p50 ${formatDuration(percentile(hourly, 50))}, max ${formatDuration(Math.max(...hourly))} over ${HOURLY_RUNS} runs`,
  );
  const failed = dashboard.filter((q) => p99(q.label) >= GOAL_MS).map((q) => q.label);
  if (disagreements.length) console.log(`\nfigures DISAGREE:\n  ${disagreements.join("\n  ")}`);
  else console.log("\nrollup figures agree with the raw rows (views, unique viewers, minutes, top-video order)");
  console.log(
    failed.length ? `\nFAIL: p99 >= ${GOAL_MS} ms for ${failed.join(", ")}` : `\nPASS: every p99 < ${GOAL_MS} ms`,
  );

  await writeResults(resultsPath, {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: { before: Number(loadBefore), after: Number(loadAfter) },
    options: { iterations: options.iterations, warmup: options.warmup, rawIterations: options.rawIterations },
    goalMs: GOAL_MS,
    figures: Object.fromEntries(
      [...samples].map(([label, ms]) => [label, { p50: percentile(ms, 50), p99: percentile(ms, 99) }]),
    ),
    ratios,
    hourlyRollupMs: hourly,
    disagreements,
  });
  if (failed.length || disagreements.length) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
