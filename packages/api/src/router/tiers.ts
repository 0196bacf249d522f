import { listActiveTiers } from "../services/tiers";
import { createTRPCRouter, instructorProcedure } from "../trpc";

/** Tiers for pickers (the video editor); creating and pricing them arrives with billing. */
export const tiersRouter = createTRPCRouter({
  list: instructorProcedure.query(({ ctx }) => listActiveTiers(ctx.db, ctx.tenant.id)),
});
