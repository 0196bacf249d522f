import { z } from "zod";
import { classAnalytics, classesAnalytics } from "../services/analytics/classes";
import { pricesOf, tenantCost } from "../services/analytics/cost";
import { platformSummary, tenantSummary, topVideos, videoAnalytics } from "../services/analytics/dashboard";
import { createTRPCRouter, instructorProcedure, platformAdminProcedure, tenantAdminProcedure } from "../trpc";
import { analyticsPeriodInput } from "../validators";

/** Console → Analytics (tenant admins): figures from the daily rollups. */
export const analyticsRouter = createTRPCRouter({
  summary: tenantAdminProcedure
    .input(analyticsPeriodInput)
    .query(({ ctx, input }) => tenantSummary(ctx.db, ctx.tenant.id, input)),
  topVideos: tenantAdminProcedure
    .input(
      analyticsPeriodInput.safeExtend({
        sort: z.enum(["views", "minutes", "completion"]).default("views"),
        limit: z.number().int().min(1).max(500).default(50),
      }),
    )
    .query(({ ctx, input }) => topVideos(ctx.db, ctx.tenant.id, input, input.sort, input.limit)),
  cost: tenantAdminProcedure
    .input(analyticsPeriodInput)
    .query(({ ctx, input }) =>
      tenantCost({ db: ctx.db, prices: pricesOf(ctx.config.cloudflare), now: ctx.now() }, ctx.tenant.id, input),
    ),
  video: tenantAdminProcedure
    .input(analyticsPeriodInput.safeExtend({ videoId: z.uuid() }))
    .query(({ ctx, input }) => videoAnalytics(ctx.db, ctx.tenant.id, input.videoId, input)),
  /** Live classes' seats, revenue and attendance: every class for admins, their own for instructors. */
  classes: instructorProcedure
    .input(analyticsPeriodInput)
    .query(({ ctx, input }) => classesAnalytics(ctx.db, ctx.tenant.id, input, { userId: ctx.user.id, role: ctx.role })),
  class: instructorProcedure
    .input(z.object({ classId: z.uuid() }))
    .query(({ ctx, input }) =>
      classAnalytics(ctx.db, ctx.tenant.id, input.classId, { userId: ctx.user.id, role: ctx.role }),
    ),
});

/** Platform → Analytics (platform admins only): every tenant's figures side by side. */
export const platformAnalyticsRouter = createTRPCRouter({
  summary: platformAdminProcedure.input(analyticsPeriodInput).query(({ ctx, input }) => platformSummary(ctx.db, input)),
});
