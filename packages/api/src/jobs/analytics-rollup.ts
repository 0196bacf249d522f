import type { Db } from "@marquee/db";
import { pruneWatchSessions, rollUp } from "../services/analytics/rollup";
import type { Job } from "./runner";

/**
 * Hourly, at a quarter past: rolls the recent days (and any missing ones) into the daily
 * analytics tables, then prunes raw watch sessions older than each tenant's retention.
 */
export const analyticsRollupJob: Job<{ db: Db; now: () => Date }> = {
  name: "analytics.rollup",
  everyMs: 60 * 60_000,
  offsetMs: 15 * 60_000,
  async run(deps) {
    const now = deps.now();
    const rolled = await rollUp(deps.db, now);
    const pruned = await pruneWatchSessions(deps.db, now);
    return { ...rolled, pruned };
  },
};
