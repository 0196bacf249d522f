import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * One row per job and schedule slot. Every replica tries to insert the row for the slot
 * that is due; the unique key lets exactly one of them run it.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    job: text().notNull(),
    slot: timestamp({ withTimezone: true }).notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    durationMs: integer(),
    status: text().$type<"running" | "succeeded" | "failed">().notNull().default("running"),
    counts: jsonb().$type<Record<string, number>>().notNull().default({}),
    error: text(),
  },
  (t) => [uniqueIndex("job_runs_job_slot_key").on(t.job, t.slot)],
);

export type JobRun = typeof jobRuns.$inferSelect;
