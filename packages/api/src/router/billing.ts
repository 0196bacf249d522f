import { z } from "zod";
import type { Context } from "../context";
import { listOffers } from "../services/billing/catalog";
import { resolveTenantStripe } from "../services/billing/connections";
import {
  billingOverview,
  checkoutStatus,
  type MemberDeps,
  openBillingPortal,
  setSubscriptionCancellation,
  startPackCheckout,
  startSubscriptionCheckout,
} from "../services/billing/member";
import { balanceOf, ledgerHistory } from "../services/billing/wallet";
import { createTRPCRouter, memberProcedure, publicTenantProcedure } from "../trpc";
import { subscribeInput } from "../validators";

type MemberCtx = Context & { tenant: { id: string; slug: string }; user: { id: string } };
const memberDeps = (ctx: MemberCtx): MemberDeps => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  billing: ctx.config.billing,
  now: ctx.now,
  tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug },
  userId: ctx.user.id,
});

/** The portal's billing: what a tenant sells, and a member's own subscription. */
export const billingRouter = createTRPCRouter({
  offers: publicTenantProcedure.query(async ({ ctx }) => {
    const [offers, stripe] = await Promise.all([
      listOffers(ctx.db, ctx.tenant.id),
      resolveTenantStripe({ ...ctx, billing: ctx.config.billing, secrets: ctx.config.secrets }, ctx.tenant.id),
    ]);
    return { ...offers, paymentsEnabled: stripe !== null };
  }),
  overview: memberProcedure.query(({ ctx }) => billingOverview(memberDeps(ctx))),
  subscribe: memberProcedure
    .input(subscribeInput)
    .mutation(({ ctx, input }) => startSubscriptionCheckout(memberDeps(ctx), input)),
  checkoutStatus: memberProcedure
    .input(
      z.object({
        sessionId: z.string().regex(/^cs_[A-Za-z0-9_]{1,200}$/, "This is not a checkout session id"),
        reconcile: z.boolean().default(false),
      }),
    )
    .query(({ ctx, input }) => checkoutStatus(memberDeps(ctx), input)),
  portal: memberProcedure.mutation(({ ctx }) => openBillingPortal(memberDeps(ctx))),
  cancel: memberProcedure.mutation(({ ctx }) => setSubscriptionCancellation(memberDeps(ctx), true)),
  resume: memberProcedure.mutation(({ ctx }) => setSubscriptionCancellation(memberDeps(ctx), false)),
});

const historyCursor = z.object({ createdAt: z.string().max(64), id: z.uuid() });

/** A member's tokens in one tenant. */
export const walletRouter = createTRPCRouter({
  balance: memberProcedure.query(async ({ ctx }) => ({
    balance: await balanceOf(ctx.db, { tenantId: ctx.tenant.id, userId: ctx.user.id }),
  })),
  history: memberProcedure
    .input(
      z.object({ cursor: historyCursor.nullish(), limit: z.number().int().min(1).max(100).default(20) }).optional(),
    )
    .query(({ ctx, input }) =>
      ledgerHistory(
        ctx.db,
        { tenantId: ctx.tenant.id, userId: ctx.user.id },
        { limit: input?.limit ?? 20, cursor: input?.cursor ?? undefined },
      ),
    ),
  buy: memberProcedure
    .input(z.object({ packId: z.uuid() }))
    .mutation(({ ctx, input }) => startPackCheckout(memberDeps(ctx), input)),
});
