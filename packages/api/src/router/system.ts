import { createTRPCRouter, publicProcedure } from "../trpc";

export const systemRouter = createTRPCRouter({
  /** Touches nothing: the baseline the benchmarks compare real procedures with. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
});
