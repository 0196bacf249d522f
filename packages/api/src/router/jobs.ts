import { jobRuns } from "@marquee/db";
import { desc, inArray, sql } from "drizzle-orm";
import { scheduledJobs, slotOf } from "../jobs";
import { createTRPCRouter, platformAdminProcedure } from "../trpc";

const RUNS_PER_JOB = 5;

/** Platform → Jobs: every scheduled job, its recent runs (counts and errors) and its next slot. */
export const jobsRouter = createTRPCRouter({
  list: platformAdminProcedure.query(async ({ ctx }) => {
    const names = scheduledJobs.map((job) => job.name);
    const ranked = ctx.db
      .select({
        id: jobRuns.id,
        job: jobRuns.job,
        slot: jobRuns.slot,
        startedAt: jobRuns.startedAt,
        finishedAt: jobRuns.finishedAt,
        durationMs: jobRuns.durationMs,
        status: jobRuns.status,
        counts: jobRuns.counts,
        error: jobRuns.error,
        rank: sql<number>`row_number() over (partition by ${jobRuns.job} order by ${jobRuns.slot} desc)`.as("rank"),
      })
      .from(jobRuns)
      .where(inArray(jobRuns.job, names))
      .as("ranked");
    const runs = await ctx.db
      .select()
      .from(ranked)
      .where(sql`${ranked.rank} <= ${RUNS_PER_JOB}`)
      .orderBy(desc(ranked.slot));
    const now = ctx.now();
    return {
      jobs: scheduledJobs.map((job) => ({
        name: job.name,
        everyMs: job.everyMs,
        offsetMs: job.offsetMs ?? 0,
        nextRunAt: new Date(slotOf(job, now).getTime() + job.everyMs),
        lastRuns: runs.filter((run) => run.job === job.name).map(({ job: _job, rank: _rank, ...run }) => run),
      })),
    };
  }),
});
