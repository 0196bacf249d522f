import { z } from "zod";
import type { Context } from "../context";
import {
  clearPaymentSettings,
  getPaymentSettings,
  savePaymentSettings,
  testPaymentSettings,
  updateBillingPolicy,
} from "../services/billing/connections";
import {
  clearCloudflareToken,
  disableLiveNotifications,
  getCloudflareSettings,
  rotateLiveNotificationSecret,
  saveCloudflareSettings,
  testCloudflareSettings,
} from "../services/cloudflare/connections";
import { createTRPCRouter, tenantAdminProcedure } from "../trpc";
import { billingPolicyInput, cloudflareCredentialsInput, stripeCredentialsInput } from "../validators";

const cloudflareInput = cloudflareCredentialsInput.extend({ replaceWebhook: z.boolean().default(false) });

type TenantCtx = Context & { tenant: { id: string }; user: { id: string } };
const deps = (ctx: TenantCtx) => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  cloudflare: ctx.config.cloudflare,
  billing: ctx.config.billing,
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
  /** Returns the new cf-webhook-auth secret once; only "enabled" is shown afterwards. */
  rotateLiveNotificationSecret: tenantAdminProcedure.mutation(({ ctx }) => rotateLiveNotificationSecret(deps(ctx))),
  disableLiveNotifications: tenantAdminProcedure.mutation(async ({ ctx }) => {
    await disableLiveNotifications(deps(ctx));
    return getCloudflareSettings(deps(ctx), ctx.tenant.id);
  }),
});

/** Settings → Payments: the tenant's Stripe account and billing policy; masked values only. */
const paymentsRouter = createTRPCRouter({
  get: tenantAdminProcedure.query(({ ctx }) => getPaymentSettings(deps(ctx), ctx.tenant.id)),
  save: tenantAdminProcedure
    .input(stripeCredentialsInput)
    .mutation(({ ctx, input }) => savePaymentSettings(deps(ctx), input)),
  test: tenantAdminProcedure.mutation(({ ctx }) => testPaymentSettings(deps(ctx))),
  disconnect: tenantAdminProcedure.mutation(async ({ ctx }) => {
    await clearPaymentSettings(deps(ctx));
    return getPaymentSettings(deps(ctx), ctx.tenant.id);
  }),
  updatePolicy: tenantAdminProcedure
    .input(billingPolicyInput)
    .mutation(({ ctx, input }) => updateBillingPolicy(deps(ctx), input)),
});

export const settingsRouter = createTRPCRouter({ cloudflare: cloudflareRouter, payments: paymentsRouter });
