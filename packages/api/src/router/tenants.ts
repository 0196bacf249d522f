import { z } from "zod";
import { createTenant, listTenants, updateTenant } from "../services/tenants";
import { createTRPCRouter, platformAdminProcedure } from "../trpc";
import { createTenantInput, updateTenantInput } from "../validators";

/** Platform administration of tenants (console). */
export const tenantsRouter = createTRPCRouter({
  list: platformAdminProcedure
    .input(z.object({ search: z.string().max(100).optional() }).optional())
    .query(({ ctx, input }) => listTenants(ctx.db, { search: input?.search })),
  create: platformAdminProcedure
    .input(createTenantInput)
    .mutation(({ ctx, input }) => createTenant({ db: ctx.db, actorUserId: ctx.user.id, now: ctx.now() }, input)),
  update: platformAdminProcedure
    .input(updateTenantInput)
    .mutation(({ ctx, input }) => updateTenant({ db: ctx.db, actorUserId: ctx.user.id, now: ctx.now() }, input)),
  archive: platformAdminProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      updateTenant({ db: ctx.db, actorUserId: ctx.user.id, now: ctx.now() }, { id: input.id, status: "archived" }),
    ),
});
