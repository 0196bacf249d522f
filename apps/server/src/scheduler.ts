import { type JobDeps, runJobSlot, scheduledJobs, slotOf } from "@marquee/api";
import type { Logger } from "./logger";

const TICK_MS = 30_000;

/**
 * Cron in every replica: each tick tries the current slot of every job; job_runs lets one
 * replica run it. A job still running from the last tick is not started again here.
 */
export function startScheduler(deps: JobDeps, logger: Logger) {
  const running = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const tick = () => {
    for (const job of scheduledJobs) {
      if (running.has(job.name)) continue;
      running.add(job.name);
      const now = deps.now();
      const slot = slotOf(job, now);
      const work = runJobSlot(deps, job, slot)
        .then((outcome) => {
          if (!outcome.ran) return;
          const entry = { job: job.name, slot, status: outcome.status, counts: outcome.counts, error: outcome.error };
          if (outcome.status === "failed") logger.error(entry, "job failed");
          else logger.info(entry, "job ran");
        })
        .catch((error: unknown) => logger.error({ err: error, job: job.name }, "job could not be claimed"))
        .finally(() => {
          running.delete(job.name);
          inFlight.delete(work);
        });
      inFlight.add(work);
    }
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  tick();
  return {
    /** Stops ticking and waits for jobs already running. */
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
