import { z } from "zod";
import type { Context } from "../context";
import { loadViewer } from "../services/videos/access";
import { listCatalog, listCatalogTags } from "../services/videos/catalog";
import { getPlayback } from "../services/videos/playback";
import { recordHeartbeat } from "../services/videos/watch";
import { createTRPCRouter, memberProcedure, publicTenantProcedure } from "../trpc";

type ViewerCtx = Context & {
  tenant: { id: string };
  role: Parameters<typeof loadViewer>[3];
  viewerUser: { id: string } | null;
};

const viewerOf = (ctx: ViewerCtx) => loadViewer(ctx.db, ctx.tenant.id, ctx.viewerUser, ctx.role, ctx.now());
const deps = (ctx: Context) => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  cloudflare: ctx.config.cloudflare,
  now: ctx.now(),
  clientIp: ctx.clientIp,
});

/** The portal's catalog: anyone may browse; locked videos say how to unlock them. */
export const catalogRouter = createTRPCRouter({
  list: publicTenantProcedure
    .input(
      z
        .object({
          search: z.string().max(200).optional(),
          tag: z.string().max(40).optional(),
          cursor: z.string().max(200).nullish(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => listCatalog(deps(ctx), ctx.tenant.id, await viewerOf(ctx), input ?? {})),
  tags: publicTenantProcedure.query(({ ctx }) => listCatalogTags(ctx.db, ctx.tenant.id)),
});

export const playbackRouter = createTRPCRouter({
  /** Access check, then signed playback URLs; a refusal comes back as data for the page to explain. */
  get: publicTenantProcedure
    .input(z.object({ videoId: z.uuid() }))
    .query(async ({ ctx, input }) => getPlayback(deps(ctx), ctx.tenant.id, await viewerOf(ctx), input.videoId)),
  heartbeat: memberProcedure
    .input(
      z.object({
        videoId: z.uuid(),
        sessionId: z.uuid().nullish(),
        position: z.number().min(0).max(1_000_000),
        watchedSeconds: z.number().min(0).max(3600),
      }),
    )
    .mutation(({ ctx, input }) => recordHeartbeat(ctx.db, ctx.tenant.id, ctx.user.id, input, ctx.now())),
});
