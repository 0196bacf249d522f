import { reconcileVideosJob } from "./reconcile-videos";

export { reconcileVideosJob } from "./reconcile-videos";
export { type Job, type JobCounts, type JobOutcome, runJobSlot, slotOf } from "./runner";

/** Every scheduled job; the server's scheduler runs each slot once across replicas. */
export const scheduledJobs = [reconcileVideosJob];
