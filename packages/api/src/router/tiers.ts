import { z } from "zod";
import type { Context } from "../context";
import {
  archivePack,
  archiveTier,
  createPack,
  createTier,
  listPacksForAdmin,
  listTiersForAdmin,
  updatePack,
  updateTier,
} from "../services/billing/catalog";
import { listActiveTiers } from "../services/tiers";
import { createTRPCRouter, instructorProcedure, tenantAdminProcedure } from "../trpc";
import { packInput, tierInput, updatePackInput, updateTierInput } from "../validators";

type AdminCtx = Context & { tenant: { id: string }; user: { id: string } };
const deps = (ctx: AdminCtx) => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  billing: ctx.config.billing,
  now: ctx.now,
  tenantId: ctx.tenant.id,
  actorUserId: ctx.user.id,
});

/** Console → Tiers. `list` feeds pickers (the video editor); the rest is for tenant admins. */
export const tiersRouter = createTRPCRouter({
  list: instructorProcedure.query(({ ctx }) => listActiveTiers(ctx.db, ctx.tenant.id)),
  listAll: tenantAdminProcedure.query(({ ctx }) => listTiersForAdmin(ctx.db, ctx.tenant.id)),
  create: tenantAdminProcedure.input(tierInput).mutation(({ ctx, input }) => createTier(deps(ctx), input)),
  update: tenantAdminProcedure.input(updateTierInput).mutation(({ ctx, input }) => updateTier(deps(ctx), input)),
  archive: tenantAdminProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => archiveTier(deps(ctx), input.id)),
});

/** Console → Token packs. */
export const packsRouter = createTRPCRouter({
  list: tenantAdminProcedure.query(({ ctx }) => listPacksForAdmin(ctx.db, ctx.tenant.id)),
  create: tenantAdminProcedure.input(packInput).mutation(({ ctx, input }) => createPack(deps(ctx), input)),
  update: tenantAdminProcedure.input(updatePackInput).mutation(({ ctx, input }) => updatePack(deps(ctx), input)),
  archive: tenantAdminProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => archivePack(deps(ctx), input.id)),
});
