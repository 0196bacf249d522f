import { analyticsViewerDaily, type DbOrTx, memberships } from "@marquee/db";
import { and, count, eq, gte, lte, sql } from "drizzle-orm";
import type { Period } from "./dashboard";

/**
 * One index lookup costs about as much as reading this many viewer-day rows (measured on
 * PostgreSQL 15 with a year of a 5,000-member tenant).
 */
const ROWS_PER_LOOKUP = 40;

/**
 * Distinct viewers of anything in a period, from the viewer-day rollup. Reading the
 * period's viewer-days is cheapest over weeks, but a busy tenant's year holds hundreds of
 * thousands of them; past ROWS_PER_LOOKUP per member it is cheaper to take each of the
 * tenant's viewers once (a skip scan over analytics_viewer_daily_tenant_user_idx) and look
 * for a day of theirs in the period: two lookups per viewer, however long the period.
 * `viewerDays` is the period's row count (the sum of the tenant's daily viewers). Both ways
 * count the same viewers.
 */
export async function countViewers(db: DbOrTx, tenantId: string, period: Period, viewerDays: number) {
  const [members] = await db.select({ n: count() }).from(memberships).where(eq(memberships.tenantId, tenantId));
  if (viewerDays <= ROWS_PER_LOOKUP * (members?.n ?? 0)) {
    const viewers = db
      .selectDistinct({ userId: analyticsViewerDaily.userId })
      .from(analyticsViewerDaily)
      .where(
        and(
          eq(analyticsViewerDaily.tenantId, tenantId),
          gte(analyticsViewerDaily.day, period.from),
          lte(analyticsViewerDaily.day, period.to),
        ),
      )
      .as("viewers");
    const [row] = await db.select({ n: count() }).from(viewers);
    return row?.n ?? 0;
  }
  // PostgreSQL 15 has no skip scan of its own: each step finds the next viewer with one lookup.
  const [row] = await db.select({ n: count() }).from(sql`(
    with recursive viewer (user_id) as (
      (select user_id from analytics_viewer_daily where tenant_id = ${tenantId} order by user_id limit 1)
      union all
      select (select later.user_id from analytics_viewer_daily later
              where later.tenant_id = ${tenantId} and later.user_id > viewer.user_id
              order by later.user_id limit 1)
      from viewer where viewer.user_id is not null
    )
    select user_id from viewer
    where exists (
      select 1 from analytics_viewer_daily d
      where d.tenant_id = ${tenantId} and d.user_id = viewer.user_id
        and d.day >= ${period.from}::date and d.day <= ${period.to}::date
    )
  ) as viewers`);
  return row?.n ?? 0;
}
