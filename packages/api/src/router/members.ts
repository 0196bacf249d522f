import { z } from "zod";
import { adjustTokens, ledgerHistory } from "../services/billing/wallet";
import { listMembers, memberOfTenant, removeMember, updateMemberRole } from "../services/members";
import { createTRPCRouter, tenantAdminProcedure } from "../trpc";
import { adjustTokensInput, roleSchema } from "../validators";

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
  /** Grant (positive) or deduct (negative) tokens; the note shows in the member's history. */
  adjustTokens: tenantAdminProcedure.input(adjustTokensInput).mutation(async ({ ctx, input }) => {
    const member = await memberOfTenant(ctx.db, ctx.tenant.id, input.membershipId);
    return adjustTokens(ctx.db, {
      tenantId: ctx.tenant.id,
      userId: member.userId,
      delta: input.delta,
      note: input.note,
      actorUserId: ctx.user.id,
    });
  }),
  tokenHistory: tenantAdminProcedure
    .input(
      z.object({
        membershipId: z.uuid(),
        cursor: z.object({ createdAt: z.string().max(64), id: z.uuid() }).nullish(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const member = await memberOfTenant(ctx.db, ctx.tenant.id, input.membershipId);
      return ledgerHistory(
        ctx.db,
        { tenantId: ctx.tenant.id, userId: member.userId },
        { limit: input.limit, cursor: input.cursor ?? undefined },
      );
    }),
});
