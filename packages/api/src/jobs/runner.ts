import { type Db, jobRuns } from "@marquee/db";
import { and, eq } from "drizzle-orm";

export type JobCounts = Record<string, number>;

export type Job<Deps> = {
  name: string;
  /** Runs once per slot: every `everyMs`, shifted by `offsetMs` (e.g. daily at 02:00 UTC). */
  everyMs: number;
  offsetMs?: number;
  run: (deps: Deps, slot: Date) => Promise<JobCounts>;
};

/** The slot a moment belongs to: the latest scheduled time at or before it. */
export function slotOf(job: Pick<Job<unknown>, "everyMs" | "offsetMs">, now: Date): Date {
  const offset = job.offsetMs ?? 0;
  return new Date(Math.floor((now.getTime() - offset) / job.everyMs) * job.everyMs + offset);
}

export type JobOutcome =
  | { ran: false }
  | { ran: true; status: "succeeded" | "failed"; counts: JobCounts; error?: string };

/**
 * Claims the job's slot in job_runs and runs it. Every replica calls this; the unique
 * (job, slot) row lets exactly one of them through, however many try at once.
 */
export async function runJobSlot<Deps extends { db: Db }>(deps: Deps, job: Job<Deps>, slot: Date): Promise<JobOutcome> {
  const [claimed] = await deps.db
    .insert(jobRuns)
    .values({ job: job.name, slot, startedAt: new Date() })
    .onConflictDoNothing()
    .returning({ id: jobRuns.id, startedAt: jobRuns.startedAt });
  if (!claimed) return { ran: false };
  const finish = (values: Partial<typeof jobRuns.$inferInsert>) =>
    deps.db
      .update(jobRuns)
      .set({ ...values, finishedAt: new Date(), durationMs: Date.now() - claimed.startedAt.getTime() })
      .where(and(eq(jobRuns.id, claimed.id), eq(jobRuns.job, job.name)));
  try {
    const counts = await job.run(deps, slot);
    await finish({ status: "succeeded", counts });
    return { ran: true, status: "succeeded", counts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finish({ status: "failed", error: message.slice(0, 2000) });
    return { ran: true, status: "failed", counts: {}, error: message };
  }
}
