import { z } from "zod";
import type { Context } from "../context";
import { removeCaption, uploadCaption } from "../services/videos/captions";
import { getConsoleVideo, listConsoleVideos, removeVideo, updateVideo } from "../services/videos/manage";
import { createVideoUpload, DIRECT_UPLOAD_MAX_BYTES, UPLOAD_MAX_BYTES } from "../services/videos/uploads";
import { videoStats } from "../services/videos/watch";
import { createTRPCRouter, instructorProcedure } from "../trpc";
import { MAX_CAPTION_BYTES } from "../validators";

const DAY_MS = 86_400_000;
const accessLevel = z.enum(["public", "members", "tier"]);
const videoId = z.object({ id: z.uuid() });
const language = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Use a language tag such as en, es or pt-BR");

type TenantCtx = Context & { tenant: { id: string } };
const deps = (ctx: TenantCtx) => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  cloudflare: ctx.config.cloudflare,
  now: ctx.now(),
  clientIp: ctx.clientIp,
});

/** Console → Videos, for owners, admins and instructors of the tenant. */
export const videosRouter = createTRPCRouter({
  list: instructorProcedure
    .input(
      z
        .object({
          status: z.enum(["processing", "ready", "error"]).optional(),
          search: z.string().max(200).optional(),
          cursor: z.string().max(200).nullish(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listConsoleVideos(deps(ctx), ctx.tenant.id, ctx.user.id, input ?? {})),
  byId: instructorProcedure
    .input(videoId)
    .query(({ ctx, input }) => getConsoleVideo(deps(ctx), ctx.tenant.id, ctx.user.id, input.id)),
  createUpload: instructorProcedure
    .input(
      z.object({
        title: z.string().trim().min(1, "Give the video a title").max(200),
        fileName: z.string().max(500),
        sizeBytes: z.number().int().positive().max(UPLOAD_MAX_BYTES, "Files up to 30 GB can be uploaded"),
        mimeType: z.string().regex(/^video\//, "Only video files can be uploaded"),
        accessLevel: accessLevel.default("members"),
        preferResumable: z.boolean().default(false),
        /** Read by the browser from the file, when it can: keeps Cloudflare's storage reservation small. */
        durationSeconds: z.number().positive().max(36_000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const common = {
        title: input.title,
        // Cloudflare reserves this much storage until the file is processed: the file's own
        // length with a margin when the browser could read it, otherwise up to 6 hours.
        maxDurationSeconds: input.durationSeconds
          ? Math.min(36_000, Math.ceil(input.durationSeconds * 1.1) + 60)
          : 6 * 60 * 60,
        // A tier is chosen on the detail page; until then the video is members-only.
        accessLevel: input.accessLevel === "public" ? ("public" as const) : ("members" as const),
      };
      const resumable = input.preferResumable || input.sizeBytes > DIRECT_UPLOAD_MAX_BYTES;
      const upload = await createVideoUpload(
        deps(ctx),
        ctx.tenant.id,
        resumable ? { ...common, kind: "tus", sizeBytes: input.sizeBytes } : { ...common, kind: "direct" },
      );
      return { videoId: upload.videoId, uploadUrl: upload.uploadUrl, kind: upload.kind };
    }),
  update: instructorProcedure
    .input(
      videoId.extend({
        title: z.string().trim().min(1, "Give the video a title").max(200).optional(),
        description: z.string().max(5000).optional(),
        tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).optional(),
        accessLevel: accessLevel.optional(),
        requiredTierId: z.uuid().nullish(),
        posterSeconds: z.number().min(0).max(36_000).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      await updateVideo(deps(ctx), ctx.tenant.id, id, changes);
      return getConsoleVideo(deps(ctx), ctx.tenant.id, ctx.user.id, id);
    }),
  remove: instructorProcedure
    .input(videoId)
    .mutation(({ ctx, input }) => removeVideo(deps(ctx), ctx.tenant.id, input.id)),
  stats: instructorProcedure.input(videoId).query(async ({ ctx, input }) => {
    const now = ctx.now().getTime();
    const [last7Days, last30Days] = await Promise.all([
      videoStats(ctx.db, ctx.tenant.id, input.id, new Date(now - 7 * DAY_MS)),
      videoStats(ctx.db, ctx.tenant.id, input.id, new Date(now - 30 * DAY_MS)),
    ]);
    return { last7Days, last30Days };
  }),
  captions: createTRPCRouter({
    upload: instructorProcedure
      .input(
        z.object({
          videoId: z.uuid(),
          language,
          label: z.string().trim().min(1, "Give the track a label, e.g. English").max(60),
          vtt: z.string().min(1).max(MAX_CAPTION_BYTES, "Caption files up to 1 MB are accepted"),
        }),
      )
      .mutation(({ ctx, input }) => uploadCaption(deps(ctx), ctx.tenant.id, input)),
    remove: instructorProcedure
      .input(z.object({ videoId: z.uuid(), language }))
      .mutation(({ ctx, input }) => removeCaption(deps(ctx), ctx.tenant.id, input)),
  }),
});
