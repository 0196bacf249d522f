import { timingSafeEqual } from "node:crypto";
import { type JobDeps, runJobSlot, scheduledJobs, slotOf } from "@marquee/api";
import type { Hono } from "hono";
import type { Logger } from "./logger";

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `POST /api/cron/:job` for external schedulers, with `Authorization: Bearer CRON_SECRET`.
 * It runs the job's current slot, which job_runs lets run once: a trigger that races the
 * built-in scheduler (or another replica) does nothing the second time. With `?force=true`
 * it runs at once whatever the slot (still recorded in job_runs).
 */
export function mountCron(app: Hono, deps: { secret: string | null; jobDeps: JobDeps; logger: Logger }) {
  app.post("/api/cron/:job", async (c) => {
    const header = c.req.header("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    if (!deps.secret || !token || !sameSecret(token, deps.secret)) {
      c.header("WWW-Authenticate", 'Bearer realm="cron"');
      return c.json({ error: { message: "A valid cron secret is required." } }, 401);
    }
    const job = scheduledJobs.find((candidate) => candidate.name === c.req.param("job"));
    if (!job) {
      return c.json({ error: { message: `No such job. Jobs: ${scheduledJobs.map((j) => j.name).join(", ")}.` } }, 404);
    }
    // `?force=true` runs the job now as a run of its own (operators, tests); a plain trigger
    // runs the scheduled slot, once.
    const now = deps.jobDeps.now();
    const slot = c.req.query("force") === "true" ? now : slotOf(job, now);
    const outcome = await runJobSlot(deps.jobDeps, job, slot);
    deps.logger.info({ job: job.name, slot, outcome }, "cron trigger");
    if (!outcome.ran) return c.json({ job: job.name, slot, ran: false, reason: "this slot has already run" });
    return c.json({ job: job.name, slot, ...outcome }, outcome.status === "failed" ? 500 : 200);
  });
}
