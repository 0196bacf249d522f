import { fileURLToPath } from "node:url";
import { createSecretBox, generateSecretKey, parseSecretKeys } from "@marquee/auth";
import { seedCatalog } from "./lib/catalog-seed.ts";
import { startChildServer } from "./lib/child-server.ts";
import { createBenchDatabase, seedFixture } from "./lib/database.ts";
import { runBench } from "./lib/lifecycle.ts";
import { cpuPerRequestUs, probedWorkload, requestsPerSecond, summarize } from "./lib/measure.ts";
import { readOptions } from "./lib/options.ts";
import { catalogTarget, deepPage, playbackTarget, verifyPlaybackSignature } from "./lib/playback-targets.ts";
import {
  FIGURE_COLUMNS,
  figureCells,
  formatPerRound,
  printLoadShape,
  printTable,
  resultsHeader,
  writeResults,
} from "./lib/report.ts";
import { ratiosPerRound, runInterleaved } from "./lib/rounds.ts";
import { signaturesPerSecond, signingCells, signRateWorkload, summarizeSigning } from "./lib/sign-rate.ts";
import { marqueeBase, trivialTarget } from "./lib/targets.ts";

/**
 * playback.get for a signed video against the raw RS256 rate of the same key in the same server
 * process, and the portal catalog (first page, a search, a deep keyset page) over 20,000 videos.
 * Flags: --duration <s per target> --rounds <interleaved slices> --warmup <s> --connections <n>.
 */

const resultsPath = fileURLToPath(new URL("results/playback.json", import.meta.url));
const options = readOptions(process.argv.slice(2), process.env, { duration: "8", rounds: "4", warmup: "2" });
const VIDEO_COUNT = 20_000;
const DEEP_PAGES = 20;
// A page signs a thumbnail token per video (~10 ms of CPU here): at 50 connections a catalog
// request would wait seconds in the queue and p50 would measure the queue, not the query.
const CATALOG_CONNECTIONS = 8;

await runBench(async (onCleanup) => {
  const startedAt = new Date();
  const database = await createBenchDatabase(options.adminUrl);
  onCleanup(database.drop);
  // A plain member: playback.get then also looks up a subscription, as for most viewers.
  const fixture = await seedFixture(database.url, "member");
  const secretKey = generateSecretKey();
  const catalog = await seedCatalog(database.url, fixture, createSecretBox(parseSecretKeys(secretKey)), VIDEO_COUNT);
  console.log(
    `seeded ${VIDEO_COUNT} videos; "${catalog.searchTerm}" matches ${catalog.searchMatches} (${((100 * catalog.searchMatches) / VIDEO_COUNT).toFixed(1)}%)`,
  );

  const server = await startChildServer("marquee", { BENCH_DATABASE_URL: database.url, BENCH_SECRET_KEY: secretKey });
  onCleanup(server.stop);
  const base = marqueeBase(server, fixture, database.backendPids, { "x-tenant": fixture.tenantSlug });
  const signing = signRateWorkload(server, catalog.signingKey, catalog.videoUid, 1);
  const trivial = await probedWorkload(trivialTarget(base), options.connections);
  const playback = await probedWorkload(playbackTarget(base, catalog), options.connections);
  verifyPlaybackSignature(playback.probeBody, catalog);
  const deep = await deepPage(base, DEEP_PAGES);
  const catalogTargets = [
    catalogTarget(base, "videos.list first page", {}),
    catalogTarget(base, `videos.list search "${catalog.searchTerm}"`, { search: catalog.searchTerm }),
    catalogTarget(base, `videos.list page ${DEEP_PAGES + 1} (keyset)`, { cursor: deep.cursor }, deep.earlierIds),
  ];
  const catalogLoads = [];
  for (const target of catalogTargets) catalogLoads.push(await probedWorkload(target, CATALOG_CONNECTIONS));

  await runInterleaved([signing, trivial, playback, ...catalogLoads], options);

  const figures = [trivial, playback, ...catalogLoads].map((run) => summarize(run.target, run.slices));
  const [trivialFigures, playbackFigures] = figures;
  if (!trivialFigures || !playbackFigures) throw new Error("missing figures");
  const raw = summarizeSigning(signing);
  const playbackCpuUs = cpuPerRequestUs(playbackFigures);
  const ratios = {
    playbackOverRawRs256: playbackFigures.requestsPerSecond / raw.signaturesPerSecond,
    playbackOverRawRs256PerRound: ratiosPerRound(
      playback.slices.map((slice) => requestsPerSecond([slice])),
      signing.slices.map((slice) => signaturesPerSecond([slice])),
    ),
    /** A signature's CPU over a playback.get's (server + database): the ratio without the machine's noise. */
    playbackOverRawRs256ByCpu: raw.serverCpuUs === null || !playbackCpuUs ? null : raw.serverCpuUs / playbackCpuUs,
    playbackOverTrivial: playbackFigures.requestsPerSecond / trivialFigures.requestsPerSecond,
  };

  printLoadShape(options);
  console.log(
    `videos.list at ${CATALOG_CONNECTIONS} connections; ${VIDEO_COUNT} videos, "${catalog.searchTerm}" in ${catalog.searchMatches}\n`,
  );
  printTable(FIGURE_COLUMNS, [...figures.map(figureCells), signingCells(raw)]);
  console.log(`\nplayback.get / raw RS256 = ${ratios.playbackOverRawRs256.toFixed(2)}`);
  const perRound = formatPerRound(ratios.playbackOverRawRs256PerRound);
  if (perRound) console.log(perRound);
  if (ratios.playbackOverRawRs256ByCpu !== null) {
    console.log(`playback.get / raw RS256 by CPU per call = ${ratios.playbackOverRawRs256ByCpu.toFixed(2)}`);
  }
  console.log(`playback.get / trivial  = ${ratios.playbackOverTrivial.toFixed(2)}\n`);

  const { signingKey: _key, ...catalogShown } = catalog;
  await writeResults(resultsPath, {
    ...resultsHeader(startedAt, options),
    catalog: { ...catalogShown, deepPage: DEEP_PAGES + 1, connections: CATALOG_CONNECTIONS },
    figures,
    rawRs256: raw,
    ratios,
  });
});
