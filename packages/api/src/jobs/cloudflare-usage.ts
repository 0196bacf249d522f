import type { Db } from "@marquee/db";
import { fetchCloudflareUsage } from "../services/analytics/cost";
import type { CloudflareDeps } from "../services/cloudflare/environment";
import type { Job } from "./runner";

/** Daily at 04:30 UTC: Cloudflare's minutes delivered for the last days, per account. */
export const cloudflareUsageJob: Job<CloudflareDeps & { db: Db; now: () => Date }> = {
  name: "analytics.cloudflareUsage",
  everyMs: 86_400_000,
  offsetMs: 4.5 * 3_600_000,
  run: (deps) => fetchCloudflareUsage(deps),
};
