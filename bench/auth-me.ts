import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { startChildServer } from "./lib/child-server.ts";
import { createBenchDatabase, seedFixture } from "./lib/database.ts";
import {
  type Figures,
  probeTarget,
  requestsPerSecond,
  runSlice,
  type Slice,
  stopRunningLoad,
  summarize,
  type Target,
} from "./lib/measure.ts";
import { readOptions } from "./lib/options.ts";
import { GOAL_AUTH_ME_OVER_TRIVIAL, printReport, type Ratios, writeResults } from "./lib/report.ts";
import { buildTargets } from "./lib/targets.ts";

/**
 * auth.me against a trivial procedure in the same server (what our code costs on top of
 * tRPC) and against a bare node:http + postgres.js server doing the same lookups (the floor).
 * Flags: --duration <s per target> --rounds <interleaved slices> --warmup <s> --connections <n>.
 */

const resultsPath = fileURLToPath(new URL("results/auth-me.json", import.meta.url));
const options = readOptions(process.argv.slice(2), process.env);

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp() {
  cleaning ??= (async () => {
    // Children first: their pools hold connections to the database we drop last.
    for (const task of cleanups.reverse()) {
      await task().catch((error: unknown) => console.error("cleanup failed:", error));
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping and dropping the bench database`);
    stopRunningLoad();
    void cleanUp().finally(() => process.exit(130));
  });
}

async function startServers(databaseUrl: string) {
  const env = { BENCH_DATABASE_URL: databaseUrl };
  const started = await Promise.allSettled([startChildServer("marquee", env), startChildServer("bare", env)]);
  for (const outcome of started) if (outcome.status === "fulfilled") cleanups.push(outcome.value.stop);
  const [marquee, bare] = started.map((outcome) => {
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  });
  if (!marquee || !bare) throw new Error("a server did not start");
  return { marquee, bare };
}

function cpuRatio(fast: Figures, slow: Figures): number | null {
  const total = (f: Figures) =>
    f.serverCpuUs === null || f.databaseCpuUs === null ? null : f.serverCpuUs + f.databaseCpuUs;
  const [fastUs, slowUs] = [total(fast), total(slow)];
  return fastUs === null || !slowUs ? null : fastUs / slowUs;
}

async function main() {
  const startedAt = new Date();
  const database = await createBenchDatabase(options.adminUrl);
  cleanups.push(database.drop);
  const fixture = await seedFixture(database.url);
  const targets = buildTargets(fixture, await startServers(database.url), database.backendPids);

  // Each target keeps the exact body its probe approved, to compare every later response with.
  const runs: { target: Target; body: string; slices: Slice[] }[] = [];
  for (const target of targets) runs.push({ target, body: await probeTarget(target), slices: [] });
  console.log(`warming up ${options.warmup} s per target…`);
  for (const run of runs) await runSlice(run.target, run.body, options.connections, options.warmup);

  // Interleaved slices: a burst of other work on a shared machine then hits every target alike.
  for (let round = 1; round <= options.rounds; round++) {
    process.stdout.write(`round ${round}/${options.rounds}…\n`);
    for (const run of runs)
      run.slices.push(await runSlice(run.target, run.body, options.connections, options.sliceSeconds));
  }

  const [trivialRun, authMeRun, bareRun] = runs;
  if (!trivialRun || !authMeRun || !bareRun) throw new Error("missing runs");
  const [trivial, authMe, bare] = runs.map((run) => summarize(run.target, run.slices));
  if (!trivial || !authMe || !bare) throw new Error("missing figures");
  const perRound = trivialRun.slices.flatMap((trivialSlice, r) => {
    const authMeSlice = authMeRun.slices[r];
    return authMeSlice ? [requestsPerSecond([authMeSlice]) / requestsPerSecond([trivialSlice])] : [];
  });
  const ratios: Ratios = {
    authMeOverTrivial: authMe.requestsPerSecond / trivial.requestsPerSecond,
    authMeOverBare: authMe.requestsPerSecond / bare.requestsPerSecond,
    authMeOverTrivialByCpu: cpuRatio(trivial, authMe),
    authMeOverTrivialPerRound: perRound,
  };

  printReport([trivial, authMe, bare], ratios, options);
  // The admin URL may carry a password; the results file is meant to be pasted around.
  const { adminUrl: _adminUrl, ...shownOptions } = options;
  await writeResults(resultsPath, {
    measuredAt: startedAt.toISOString(),
    node: process.version,
    cpus: cpus().length,
    options: { ...shownOptions, pipelining: 1 },
    figures: [trivial, authMe, bare],
    ratios,
    goal: { authMeOverTrivial: GOAL_AUTH_ME_OVER_TRIVIAL, met: ratios.authMeOverTrivial >= GOAL_AUTH_ME_OVER_TRIVIAL },
  });
}

try {
  await main();
} catch (error) {
  // After Ctrl-C the cut-short load fails its checks; that is not news.
  if (!interrupted) console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
