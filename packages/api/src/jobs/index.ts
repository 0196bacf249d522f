import type { Db } from "@marquee/db";
import type { BillingDeps } from "../services/billing/environment";
import type { CloudflareDeps } from "../services/cloudflare/environment";
import { analyticsRollupJob } from "./analytics-rollup";
import { cloudflareUsageJob } from "./cloudflare-usage";
import { liveStatusJob, migrateToCatalogJob, recordingsCleanupJob } from "./live-classes";
import { reconcileSubscriptionsJob } from "./reconcile-subscriptions";
import { reconcileVideosJob } from "./reconcile-videos";
import type { Job } from "./runner";

export { analyticsRollupJob } from "./analytics-rollup";
export { cloudflareUsageJob } from "./cloudflare-usage";
export { liveStatusJob, migrateToCatalogJob, recordingsCleanupJob } from "./live-classes";
export { reconcileSubscriptionsJob } from "./reconcile-subscriptions";
export { reconcileVideosJob } from "./reconcile-videos";
export { type Job, type JobCounts, type JobOutcome, runJobSlot, slotOf } from "./runner";

/** What every scheduled job may use. */
export type JobDeps = CloudflareDeps & BillingDeps & { db: Db };

/** Every scheduled job; the server's scheduler runs each slot once across replicas. */
export const scheduledJobs: Job<JobDeps>[] = [
  reconcileVideosJob,
  reconcileSubscriptionsJob,
  liveStatusJob,
  recordingsCleanupJob,
  migrateToCatalogJob,
  analyticsRollupJob,
  cloudflareUsageJob,
];
