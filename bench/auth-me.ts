import { fileURLToPath } from "node:url";
import { startChildServer } from "./lib/child-server.ts";
import { createBenchDatabase, seedFixture } from "./lib/database.ts";
import { type OnCleanup, runBench } from "./lib/lifecycle.ts";
import { cpuPerRequestUs, type Figures, probedWorkload, requestsPerSecond, summarize } from "./lib/measure.ts";
import { readOptions } from "./lib/options.ts";
import { GOAL_AUTH_ME_OVER_TRIVIAL, printReport, type Ratios, resultsHeader, writeResults } from "./lib/report.ts";
import { ratiosPerRound, runInterleaved } from "./lib/rounds.ts";
import { buildTargets } from "./lib/targets.ts";

/**
 * auth.me against a trivial procedure in the same server (what our code costs on top of
 * tRPC) and against a bare node:http + postgres.js server doing the same lookups (the floor).
 * Flags: --duration <s per target> --rounds <interleaved slices> --warmup <s> --connections <n>.
 */

const resultsPath = fileURLToPath(new URL("results/auth-me.json", import.meta.url));
const options = readOptions(process.argv.slice(2), process.env);

async function startServers(databaseUrl: string, onCleanup: OnCleanup) {
  const env = { BENCH_DATABASE_URL: databaseUrl };
  const started = await Promise.allSettled([startChildServer("marquee", env), startChildServer("bare", env)]);
  for (const outcome of started) if (outcome.status === "fulfilled") onCleanup(outcome.value.stop);
  const [marquee, bare] = started.map((outcome) => {
    if (outcome.status === "rejected") throw outcome.reason;
    return outcome.value;
  });
  if (!marquee || !bare) throw new Error("a server did not start");
  return { marquee, bare };
}

function cpuRatio(fast: Figures, slow: Figures): number | null {
  const [fastUs, slowUs] = [cpuPerRequestUs(fast), cpuPerRequestUs(slow)];
  return fastUs === null || !slowUs ? null : fastUs / slowUs;
}

await runBench(async (onCleanup) => {
  const startedAt = new Date();
  const database = await createBenchDatabase(options.adminUrl);
  onCleanup(database.drop);
  const fixture = await seedFixture(database.url);
  const targets = buildTargets(fixture, await startServers(database.url, onCleanup), database.backendPids);

  const runs = [];
  for (const target of targets) runs.push(await probedWorkload(target, options.connections));
  await runInterleaved(runs, options);

  const [trivialRun, authMeRun] = runs;
  if (!trivialRun || !authMeRun) throw new Error("missing runs");
  const [trivial, authMe, bare] = runs.map((run) => summarize(run.target, run.slices));
  if (!trivial || !authMe || !bare) throw new Error("missing figures");
  const rates = (slices: typeof trivialRun.slices) => slices.map((slice) => requestsPerSecond([slice]));
  const ratios: Ratios = {
    authMeOverTrivial: authMe.requestsPerSecond / trivial.requestsPerSecond,
    authMeOverBare: authMe.requestsPerSecond / bare.requestsPerSecond,
    authMeOverTrivialByCpu: cpuRatio(trivial, authMe),
    authMeOverTrivialPerRound: ratiosPerRound(rates(authMeRun.slices), rates(trivialRun.slices)),
  };

  printReport([trivial, authMe, bare], ratios, options);
  await writeResults(resultsPath, {
    ...resultsHeader(startedAt, options),
    figures: [trivial, authMe, bare],
    ratios,
    goal: { authMeOverTrivial: GOAL_AUTH_ME_OVER_TRIVIAL, met: ratios.authMeOverTrivial >= GOAL_AUTH_ME_OVER_TRIVIAL },
  });
});
