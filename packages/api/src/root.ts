import { analyticsRouter, platformAnalyticsRouter } from "./router/analytics";
import { authRouter, meProcedure, signInProcedure, signOutProcedure } from "./router/auth";
import { billingRouter, walletRouter } from "./router/billing";
import { catalogRouter, playbackRouter } from "./router/catalog";
import { jobsRouter } from "./router/jobs";
import { liveAdminRouter, livePortalRouter } from "./router/live";
import { membersRouter } from "./router/members";
import { settingsRouter } from "./router/settings";
import { systemRouter } from "./router/system";
import { tenantRouter } from "./router/tenant";
import { tenantsRouter } from "./router/tenants";
import { packsRouter, tiersRouter } from "./router/tiers";
import { videosRouter } from "./router/videos";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** Mounted at /trpc/portal: what members use. */
export const portalRouter = createTRPCRouter({
  system: systemRouter,
  auth: authRouter,
  tenant: tenantRouter,
  videos: catalogRouter,
  playback: playbackRouter,
  billing: billingRouter,
  wallet: walletRouter,
  live: livePortalRouter,
});

/** Mounted at /trpc/admin: the console. */
export const adminRouter = createTRPCRouter({
  me: meProcedure,
  auth: createTRPCRouter({ signIn: signInProcedure, signOut: signOutProcedure }),
  tenants: tenantsRouter,
  members: membersRouter,
  settings: settingsRouter,
  videos: videosRouter,
  tiers: tiersRouter,
  packs: packsRouter,
  live: liveAdminRouter,
  jobs: jobsRouter,
  analytics: analyticsRouter,
  platformAnalytics: platformAnalyticsRouter,
});

export type PortalRouter = typeof portalRouter;
export type AdminRouter = typeof adminRouter;

export const createPortalCaller = createCallerFactory(portalRouter);
export const createAdminCaller = createCallerFactory(adminRouter);
