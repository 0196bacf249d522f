import { z } from "zod";
import type { Context } from "../context";
import {
  clearCloudflareToken,
  getCloudflareSettings,
  saveCloudflareSettings,
  testCloudflareSettings,
} from "../services/cloudflare/connections";
import { createTRPCRouter, tenantAdminProcedure } from "../trpc";
import { cloudflareCredentialsInput } from "../validators";

const cloudflareInput = cloudflareCredentialsInput.extend({ replaceWebhook: z.boolean().default(false) });

type TenantCtx = Context & { tenant: { id: string }; user: { id: string } };
const deps = (ctx: TenantCtx) => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  cloudflare: ctx.config.cloudflare,
  tenantId: ctx.tenant.id,
  actorUserId: ctx.user.id,
  now: ctx.now,
});

/** Settings → Cloudflare: only masked values ever leave the server. */
const cloudflareRouter = createTRPCRouter({
  get: tenantAdminProcedure.query(({ ctx }) => getCloudflareSettings(deps(ctx), ctx.tenant.id)),
  save: tenantAdminProcedure
    .input(cloudflareInput)
    .mutation(({ ctx, input }) => saveCloudflareSettings(deps(ctx), input)),
  test: tenantAdminProcedure.mutation(({ ctx }) => testCloudflareSettings(deps(ctx))),
  disconnect: tenantAdminProcedure.mutation(async ({ ctx }) => {
    await clearCloudflareToken(deps(ctx));
    return getCloudflareSettings(deps(ctx), ctx.tenant.id);
  }),
});

export const settingsRouter = createTRPCRouter({ cloudflare: cloudflareRouter });
