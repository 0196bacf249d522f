import { z } from "zod";
import { listMembers, removeMember, updateMemberRole } from "../services/members";
import { createTRPCRouter, tenantAdminProcedure } from "../trpc";
import { roleSchema } from "../validators";

/** Tenant administration of members (console); every query is scoped to ctx.tenant. */
export const membersRouter = createTRPCRouter({
  list: tenantAdminProcedure
    .input(z.object({ search: z.string().max(100).optional() }).optional())
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.tenant.id, { search: input?.search })),
  updateRole: tenantAdminProcedure
    .input(z.object({ membershipId: z.uuid(), role: roleSchema }))
    .mutation(({ ctx, input }) =>
      updateMemberRole(
        { db: ctx.db, tenantId: ctx.tenant.id, actor: { userId: ctx.user.id, role: ctx.role }, now: ctx.now() },
        input,
      ),
    ),
  remove: tenantAdminProcedure
    .input(z.object({ membershipId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      removeMember(
        { db: ctx.db, tenantId: ctx.tenant.id, actor: { userId: ctx.user.id, role: ctx.role }, now: ctx.now() },
        input,
      ),
    ),
});
