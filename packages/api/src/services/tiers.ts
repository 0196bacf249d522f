import { type DbOrTx, tiers } from "@marquee/db";
import { and, asc, eq, isNull } from "drizzle-orm";

/** A tenant's tiers that can still be chosen, lowest rank first. */
export function listActiveTiers(db: DbOrTx, tenantId: string) {
  return db
    .select({ id: tiers.id, name: tiers.name, rank: tiers.rank })
    .from(tiers)
    .where(and(eq(tiers.tenantId, tenantId), isNull(tiers.archivedAt)))
    .orderBy(asc(tiers.rank));
}
