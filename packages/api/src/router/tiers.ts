import { tiers } from "@marquee/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import { createTRPCRouter, instructorProcedure } from "../trpc";

/** Tiers for pickers (the video editor); creating and pricing them arrives with billing. */
export const tiersRouter = createTRPCRouter({
  list: instructorProcedure.query(({ ctx }) =>
    ctx.db
      .select({ id: tiers.id, name: tiers.name, rank: tiers.rank })
      .from(tiers)
      .where(and(eq(tiers.tenantId, ctx.tenant.id), isNull(tiers.archivedAt)))
      .orderBy(asc(tiers.rank)),
  ),
});
