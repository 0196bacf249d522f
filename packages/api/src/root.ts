import { authRouter, meProcedure, signInProcedure, signOutProcedure } from "./router/auth";
import { catalogRouter, playbackRouter } from "./router/catalog";
import { membersRouter } from "./router/members";
import { settingsRouter } from "./router/settings";
import { systemRouter } from "./router/system";
import { tenantRouter } from "./router/tenant";
import { tenantsRouter } from "./router/tenants";
import { tiersRouter } from "./router/tiers";
import { videosRouter } from "./router/videos";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/** Mounted at /trpc/portal: what members use. */
export const portalRouter = createTRPCRouter({
  system: systemRouter,
  auth: authRouter,
  tenant: tenantRouter,
  videos: catalogRouter,
  playback: playbackRouter,
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
});

export type PortalRouter = typeof portalRouter;
export type AdminRouter = typeof adminRouter;

export const createPortalCaller = createCallerFactory(portalRouter);
export const createAdminCaller = createCallerFactory(adminRouter);
