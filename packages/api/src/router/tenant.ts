import { z } from "zod";
import { AppError } from "../errors";
import { joinTenant } from "../services/members";
import { getPublicTenant } from "../services/tenants";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";

const slugInput = z.object({ slug: z.string().trim().toLowerCase().min(1).max(64) });

/** Portal-side tenant procedures: the public profile and joining. */
export const tenantRouter = createTRPCRouter({
  bySlug: publicProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const access = await ctx.getTenantAccess(input.slug);
    if (access?.tenant.status !== "active") {
      throw new AppError("NOT_FOUND", "There is no organization at this address.");
    }
    const { id, slug, name } = access.tenant;
    return { id, slug, name, viewerRole: access.role };
  }),
  join: authedProcedure.input(slugInput).mutation(async ({ ctx, input }) => {
    const tenant = await getPublicTenant(ctx.db, input.slug);
    const membership = await joinTenant(ctx.db, tenant.id, ctx.user.id);
    ctx.forgetAuth();
    return { tenant, role: membership.role };
  }),
});
