import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { type Browser, type Request as BrowserRequest, chromium, type Page } from "@playwright/test";
import postgres from "postgres";
import { printTable, writeResults } from "../lib/report.ts";
import { HISTORY_OWNER, HISTORY_TENANT_SLUG, readRenderOptions } from "./options.ts";
import { formatDuration } from "./timing.ts";

/**
 * The console's Analytics pages in Chromium over the history `seed:analytics` left in
 * --database-url: starts the built server (apps/server/dist, serving the built Console) on
 * that database, signs in as the seeded owner, opens the overview for the last 30 and 90 days
 * and a custom 365-day period, then a video's drill-down, and waits on each until every chart
 * is drawn. Prints the time to that per page; exits non-zero when a chart is missing or empty,
 * the top-videos table has no rows, or the page shows an error.
 */

const rootDir = fileURLToPath(new URL("../../", import.meta.url));
const serverEntry = join(rootDir, "apps/server/dist/index.js");
const consoleIndex = join(rootDir, "apps/admin/dist/index.html");
const BUILD_COMMAND = "node scripts/turbo.mjs run build --filter=@marquee/server...";
const resultsPath = fileURLToPath(new URL("../results/analytics-render.json", import.meta.url));
const SERVER_READY_MS = 60_000;
/** The scheduler's first tick runs every job at start-up; the pages are timed after it settles. */
const JOBS_SETTLE_MS = 300_000;
const FIRST_TICK_MS = 5_000;
const DAY_MS = 86_400_000;
// As playwright.config.ts launches it: Debian's Chromium, no sandbox or GPU in containers.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

const options = readRenderOptions(process.argv.slice(2));
const baseUrl = `http://127.0.0.1:${options.port}`;

/** At least this many charts (the page may have more), and whether it has the top-videos table. */
type Expected = { charts: number; topVideos: boolean };
type ChartState = {
  title: string;
  kind: string;
  width: number;
  series: number;
  /** Lines drawn, or bars with a size. */
  marks: number;
  /** Series with nothing to draw (every value zero). */
  emptySeries: string[];
  drawn: boolean;
  why: string;
};
type Probe =
  | { state: "drawn"; charts: ChartState[]; rows: number }
  | { state: "error"; detail: string }
  | { state: "waiting"; detail: string; charts: ChartState[]; rows: number };
type Measured = {
  page: string;
  path: string;
  ok: boolean;
  ms: number;
  charts: ChartState[];
  rows: number;
  trpc: { calls: number; slowestMs: number; slowest: string };
  problem: string | null;
};

/**
 * Runs in the page (so only DOM, no closures): the state of every chart `<figure>` of the main
 * area. A chart is drawn when its recharts surface is laid out, every line series has a real
 * path and it has at least one mark (a line, or a bar with a size): a bar series whose values
 * are all zero has no bars, which is noted but is no failure. The page is done when nothing in
 * it is loading any more, it has at least `expected.charts` charts, all drawn, and the top-videos
 * table (where expected) has rows. Returns null while waiting, unless `final`, when the caller
 * wants to know what it was waiting for.
 */
function probe({ expected, final }: { expected: Expected; final: boolean }): Probe | null {
  const main = document.querySelector("main") ?? document.body;
  const path = window.location.pathname;
  if (path.includes("/sign-in")) return { state: "error", detail: `sent to ${path}${window.location.search}` };
  const alert = main.querySelector('[role="alert"]');
  if (alert) return { state: "error", detail: `error state: ${alert.textContent?.trim()}` };
  const emptyTitles = [
    "No figures for this period yet",
    "No videos watched in this period",
    "This video does not exist",
    "Only owners and admins see analytics",
    "Choose a period to see its figures",
  ];
  const empty = Array.from(main.querySelectorAll("h2, h3"))
    .map((heading) => heading.textContent?.trim() ?? "")
    .find((text) => emptyTitles.includes(text));
  if (empty) return { state: "error", detail: `empty state: ${empty}` };

  const charts = Array.from(main.querySelectorAll<HTMLElement>("figure[data-chart]")).map((figure) => {
    const title = figure.dataset.chart ?? "(untitled)";
    // The chart's own surface; the legend's icons are small recharts surfaces too.
    const width = Math.max(
      0,
      ...Array.from(figure.querySelectorAll("svg.recharts-surface")).map((svg) => svg.getBoundingClientRect().width),
    );
    const legend = Array.from(figure.querySelectorAll(".recharts-legend-item-text")).map((item) =>
      (item.textContent ?? "").trim(),
    );
    const lines = Array.from(figure.querySelectorAll("g.recharts-line")).map((line) =>
      /^M[\d.]+,[\d.]+.*[LZ]/.test(line.querySelector("path.recharts-line-curve")?.getAttribute("d") ?? "") ? 1 : 0,
    );
    const bars = Array.from(figure.querySelectorAll("g.recharts-bar")).map(
      (bar) =>
        Array.from(bar.querySelectorAll<SVGPathElement>("path.recharts-rectangle")).filter((rectangle) => {
          const box = rectangle.getBBox();
          return (rectangle.getAttribute("d") ?? "").length > 0 && box.width > 0 && box.height > 0;
        }).length,
    );
    const series = [...lines, ...bars];
    const marks = series.reduce((total, count) => total + count, 0);
    const emptySeries = series.flatMap((count, index) => (count === 0 ? [legend[index] ?? `series ${index + 1}`] : []));
    const why =
      width === 0
        ? "no chart surface"
        : width <= 200
          ? `surface ${Math.round(width)} px wide`
          : series.length === 0
            ? "no series"
            : lines.includes(0)
              ? "a line series without its line"
              : marks === 0
                ? "no bars"
                : "";
    return {
      title,
      kind: lines.length ? "line" : "bar",
      width: Math.round(width),
      series: series.length,
      marks,
      emptySeries,
      drawn: why === "",
      why,
    };
  });
  const rows = main.querySelectorAll('table[aria-label="Top videos"] tbody tr').length;
  // Skeletons are role="status"; figures kept from the previous period while new ones load, aria-busy.
  const loading = Array.from(main.querySelectorAll('[role="status"], [aria-busy="true"]')).map(
    (element) => element.getAttribute("aria-label") ?? "a section",
  );
  const missing = [
    loading.length ? `still loading: ${loading.join(", ")}` : "",
    charts.length < expected.charts ? `${charts.length} of at least ${expected.charts} charts` : "",
    ...charts.filter((chart) => !chart.drawn).map((chart) => `"${chart.title}": ${chart.why}`),
    expected.topVideos && rows === 0 ? "no top-video rows" : "",
  ].filter((text) => text !== "");
  if (missing.length === 0) return { state: "drawn", charts, rows };
  return final ? { state: "waiting", detail: missing.join("; "), charts, rows } : null;
}

/** Opens a page (or follows a link to it) and waits until it is drawn, timing both together. */
async function measure(page: Page, name: string, expected: Expected, open: () => Promise<unknown>) {
  const calls: { ms: number; what: string }[] = [];
  const onFinished = (request: BrowserRequest) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/trpc/")) return;
    calls.push({ ms: request.timing().responseEnd, what: decodeURIComponent(url.pathname.slice("/trpc/".length)) });
  };
  page.on("requestfinished", onFinished);
  const started = performance.now();
  let outcome: Probe;
  try {
    await open();
    const handle = await page.waitForFunction(probe, { expected, final: false }, { timeout: options.timeoutMs });
    outcome = (await handle.jsonValue()) as Probe;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const last = await page.evaluate(probe, { expected, final: true }).catch(() => null);
    outcome =
      last && last.state !== "drawn"
        ? last.state === "error"
          ? last
          : { ...last, detail: `${message}: ${last.detail}` }
        : { state: "error", detail: message ?? "failed" };
  }
  const ms = performance.now() - started;
  // Let the page's other requests finish (and report their timing), then look again: an error
  // state that shows up after the charts still fails the page.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
  page.off("requestfinished", onFinished);
  if (outcome.state === "drawn") {
    const later = await page.evaluate(probe, { expected, final: true }).catch(() => null);
    if (later?.state === "error") outcome = { state: "error", detail: `after the charts were drawn, ${later.detail}` };
  }
  const slowest = calls.reduce((worst, call) => (call.ms > worst.ms ? call : worst), { ms: 0, what: "" });
  const charts = outcome.state === "error" ? [] : outcome.charts;
  const measured: Measured = {
    page: name,
    path: new URL(page.url()).pathname + new URL(page.url()).search,
    ok: outcome.state === "drawn",
    ms,
    charts,
    rows: outcome.state === "error" ? 0 : outcome.rows,
    trpc: { calls: calls.length, slowestMs: slowest.ms, slowest: slowest.what },
    problem: outcome.state === "drawn" ? null : outcome.detail,
  };
  const verdict = measured.ok ? "drawn" : `FAILED (${measured.problem})`;
  console.log(`${name.padEnd(36)} ${formatDuration(ms).padStart(8)}  ${verdict}`);
  return measured;
}

/** The built server on --database-url, its own output on our stderr. */
function startServer(cronSecret: string, dataDir: string): ChildProcess {
  // Nothing of the caller's Cloudflare or Stripe setup: the seeded tenant's account is a row only.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(CLOUDFLARE_|STRIPE_|SEED_DEMO$|DATABASE_URL$)/.test(key)),
  );
  const env = {
    ...inherited,
    NODE_ENV: "production",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: baseUrl,
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: dataDir,
    APP_SECRET_KEY: randomBytes(32).toString("base64"),
    CRON_SECRET: cronSecret,
    SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    CLOUDFLARE_EMULATOR: "false",
    STRIPE_EMULATOR: "false",
    // The scheduler's jobs may call Cloudflare or Stripe for the seeded rows: an unroutable
    // base makes them fail at once instead of reaching the real services.
    CLOUDFLARE_API_BASE_URL: "http://127.0.0.1:9/client/v4",
    STRIPE_API_BASE_URL: "http://127.0.0.1:9",
  };
  const child = spawn(process.execPath, [serverEntry], { cwd: rootDir, env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => {
      if (line.trim()) process.stderr.write(`[server] ${line}\n`);
    });
  }
  return child;
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const forced = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(forced);
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

async function waitUntilListening(child: ChildProcess) {
  const deadline = Date.now() + SERVER_READY_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before listening`);
    if (await healthy()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${baseUrl}/healthz within ${SERVER_READY_MS / 1000} s`);
}

/**
 * Waits for the scheduler's first tick (a job run since `since`; none comes when every slot
 * has already run, hence the limit), then until none of those runs is still going, twice in a row.
 */
async function settleJobs(sql: postgres.Sql, since: Date) {
  const firstTick = Date.now() + FIRST_TICK_MS;
  const deadline = Date.now() + JOBS_SETTLE_MS;
  let quiet = 0;
  while (Date.now() < deadline) {
    const [row] = await sql<{ started: number; running: number }[]>`
      select count(*)::int as started, (count(*) filter (where finished_at is null))::int as running
      from job_runs where started_at >= ${since}`;
    const ticked = (row?.started ?? 0) > 0 || Date.now() > firstTick;
    quiet = ticked && !row?.running ? quiet + 1 : 0;
    if (quiet >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server's jobs were still running after ${JOBS_SETTLE_MS / 1000} s`);
}

type Rollup = { days: number; lastDay: string | null; rolledUpAt: Date | null };

async function rollupState(sql: postgres.Sql, tenantId: string): Promise<Rollup> {
  const [row] = await sql<Rollup[]>`
    select count(*)::int as days, max(day)::text as "lastDay", max(rolled_up_at) as "rolledUpAt"
    from analytics_tenant_daily where tenant_id = ${tenantId}`;
  return row ?? { days: 0, lastDay: null, rolledUpAt: null };
}

/** The hourly rollup, now, through the endpoint external schedulers call. */
async function forceRollup(cronSecret: string) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/cron/analytics.rollup?force=true`, {
    method: "POST",
    headers: { Authorization: `Bearer ${cronSecret}` },
  });
  const outcome = await response.text();
  if (!response.ok) throw new Error(`the rollup trigger answered ${response.status}: ${outcome}`);
  console.log(`rollup forced through POST /api/cron/analytics.rollup: ${formatDuration(performance.now() - started)}`);
  console.log(`  ${outcome}`);
}

async function signIn(page: Page) {
  const response = await page.request.post("/trpc/admin/auth.signIn", {
    data: { json: { email: HISTORY_OWNER.email, password: HISTORY_OWNER.password } },
    headers: { Origin: baseUrl },
  });
  if (!response.ok()) {
    throw new Error(
      `signing in as ${HISTORY_OWNER.email} answered ${response.status()}: ${await response.text()}\n` +
        "(a history seeded before seed:analytics set the owner's password has none: seed a fresh database)",
    );
  }
}

const utcDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

async function renderPages(browser: Browser): Promise<Measured[]> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "en-US",
    // Analytics days are UTC days; so are the browser's here, as on the server.
    timezoneId: "UTC",
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await signIn(page);
    console.log(`signed in as ${HISTORY_OWNER.email}: ${formatDuration(performance.now() - started)}\n`);
    const overview = `/admin/t/${HISTORY_TENANT_SLUG}/analytics`;
    const charts: Expected = { charts: 4, topVideos: true };
    const results: Measured[] = [];
    const go = (path: string) => () => page.goto(path, { waitUntil: "commit" });
    // The first load also fetches the Console's scripts and recharts' chunk; the pages after it
    // are fresh page loads with the browser's cache warm.
    results.push(await measure(page, "Analytics, last 30 days (cold)", charts, go(`${overview}?range=30`)));
    results.push(await measure(page, "Analytics, last 30 days", charts, go(`${overview}?range=30`)));
    results.push(await measure(page, "Analytics, last 90 days", charts, go(`${overview}?range=90`)));
    const custom = `${overview}?from=${utcDay(-364)}&to=${utcDay()}`;
    results.push(await measure(page, "Analytics, custom 365 days", charts, go(custom)));
    // The drill-down as people reach it: the most viewed video of the 90 days, from its row.
    await page.goto(`${overview}?range=90`);
    const link = page.getByRole("table", { name: "Top videos" }).getByRole("link").first();
    await link.waitFor({ timeout: options.timeoutMs });
    console.log(`  (opening the most viewed video of the 90 days: "${(await link.textContent())?.trim()}")`);
    results.push(
      await measure(page, "Video drill-down, last 90 days", { charts: 1, topVideos: false }, () => link.click()),
    );
    return results;
  } finally {
    await context.close();
  }
}

function report(results: Measured[]) {
  console.log("");
  printTable(
    [
      "page",
      "ms to all charts drawn",
      "charts drawn",
      "marks per chart",
      "top-video rows",
      "tRPC calls",
      "slowest tRPC ms",
    ],
    results.map((r) => [
      r.page,
      r.ms.toFixed(0),
      `${r.charts.filter((chart) => chart.drawn).length} of ${r.charts.length}`,
      r.charts.map((chart) => chart.marks).join(" / ") || "-",
      String(r.rows),
      String(r.trpc.calls),
      r.trpc.calls ? `${r.trpc.slowestMs.toFixed(0)} (${r.trpc.slowest})` : "-",
    ]),
  );
  const titled = new Map<string, string>();
  for (const chart of results.flatMap((r) => r.charts)) titled.set(chart.title, chart.kind);
  console.log(`\ncharts, in page order: ${[...titled].map(([title, kind]) => `${title} (${kind}s)`).join(", ")}`);
  console.log("marks: the lines drawn of a line chart; the bars with a size of a bar chart (one per day or class).");
  for (const r of results) {
    for (const chart of r.charts.filter((c) => c.emptySeries.length)) {
      console.log(`note: ${r.page}, "${chart.title}": nothing to draw for ${chart.emptySeries.join(", ")}`);
    }
  }
}

async function main() {
  if (!existsSync(serverEntry) || !existsSync(consoleIndex)) {
    throw new Error(`the built server and Console are missing: run \`${BUILD_COMMAND}\` from the repository root`);
  }
  if (!existsSync(options.chromium)) throw new Error(`no Chromium at ${options.chromium} (--chromium)`);
  if (await healthy()) throw new Error(`something already answers on ${baseUrl}: choose another --port`);
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const cronSecret = randomBytes(24).toString("hex");
  const dataDir = mkdtempSync(join(tmpdir(), "marquee-render-"));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      if (server) await stopServer(server);
      await sql.end({ timeout: 5 });
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    const [tenant] = await sql<{ id: string }[]>`select id from tenants where slug = ${HISTORY_TENANT_SLUG}`;
    if (!tenant) throw new Error(`no tenant "${HISTORY_TENANT_SLUG}" here: run seed:analytics first`);
    const since = new Date(Date.now() - 1_000);
    let started = performance.now();
    server = startServer(cronSecret, dataDir);
    await waitUntilListening(server);
    console.log(`server listening on ${baseUrl}: ${formatDuration(performance.now() - started)}`);
    started = performance.now();
    await settleJobs(sql, since);
    console.log(`start-up jobs settled: ${formatDuration(performance.now() - started)}`);
    let rollup = await rollupState(sql, tenant.id);
    if (rollup.days === 0) {
      console.log("the rollup tables hold nothing for the tenant yet");
      await forceRollup(cronSecret);
      rollup = await rollupState(sql, tenant.id);
      if (rollup.days === 0) throw new Error("the rollup ran but rolled up no days for the tenant");
    }
    console.log(
      `rollups: ${rollup.days} days up to ${rollup.lastDay}, last rolled up ${rollup.rolledUpAt?.toISOString()}`,
    );
    started = performance.now();
    browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS });
    console.log(`Chromium ${browser.version()} launched: ${formatDuration(performance.now() - started)}`);
    const results = await renderPages(browser);
    report(results);
    const jobs = await sql<{ job: string; status: string | null; durationMs: number | null }[]>`
      select job, status, duration_ms as "durationMs" from job_runs where started_at >= ${since} order by started_at`;
    console.log(
      `\njobs the server ran since it started: ${jobs.map((j) => `${j.job} ${j.status ?? "running"} ${j.durationMs ?? "?"} ms`).join(", ") || "none"}`,
    );
    const failed = results.filter((r) => !r.ok);
    console.log(
      failed.length
        ? `\nFAIL: ${failed.map((r) => `${r.page}: ${r.problem}`).join("; ")}`
        : `\nPASS: every page drew all its charts (${results.reduce((n, r) => n + r.charts.length, 0)} charts)`,
    );
    await writeResults(resultsPath, {
      measuredAt: new Date().toISOString(),
      node: process.version,
      chromium: browser.version(),
      rollup,
      pages: results,
    });
    if (failed.length) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
