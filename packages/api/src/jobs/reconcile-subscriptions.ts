import { type Db, subscriptions } from "@marquee/db";
import { and, asc, inArray, lt } from "drizzle-orm";
import { LIVE_STATUSES } from "../services/billing/catalog";
import { resolveTenantStripe } from "../services/billing/connections";
import type { BillingDeps } from "../services/billing/environment";
import { syncSubscription } from "../services/billing/subscriptions";
import type { Job } from "./runner";

type Deps = BillingDeps & { db: Db };

const OVERDUE_AFTER_MS = 60 * 60_000;
const BATCH = 200;

/**
 * Re-reads from Stripe the subscriptions whose paid period ended over an hour ago while we
 * still hold them live: the renewal or the end should have been reported by then, so a lost
 * webhook never leaves access open (or closed) by mistake.
 */
export const reconcileSubscriptionsJob: Job<Deps> = {
  name: "reconcile-subscriptions",
  everyMs: 60 * 60_000,
  async run(deps) {
    const cutoff = new Date(deps.now().getTime() - OVERDUE_AFTER_MS);
    const overdue = await deps.db
      .select({ tenantId: subscriptions.tenantId, stripeSubscriptionId: subscriptions.stripeSubscriptionId })
      .from(subscriptions)
      .where(and(inArray(subscriptions.status, [...LIVE_STATUSES]), lt(subscriptions.currentPeriodEnd, cutoff)))
      .orderBy(asc(subscriptions.currentPeriodEnd))
      .limit(BATCH);
    const counts = { checked: 0, updated: 0, skipped: 0, failed: 0 };
    for (const row of overdue) {
      counts.checked++;
      try {
        const stripe = await resolveTenantStripe(deps, row.tenantId);
        if (!stripe) {
          counts.skipped++;
          continue;
        }
        const result = await syncSubscription(deps, stripe, row.tenantId, row.stripeSubscriptionId);
        if (result.applied) counts.updated++;
        else counts.skipped++;
      } catch {
        counts.failed++;
      }
    }
    return counts;
  },
};
