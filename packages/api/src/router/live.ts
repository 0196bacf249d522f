import { tenants } from "@marquee/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "../context";
import { AppError } from "../errors";
import { recordAudit } from "../services/audit";
import { recordClassHeartbeat } from "../services/live/attendance";
import {
  broadcastDetails,
  cancelClass,
  classDetailForStaff,
  createClass,
  createRecordingUpload,
  endClass,
  listClassesForStaff,
  listTeachers,
  markLive,
  type StaffDeps,
  setBroadcastMode,
  setClassThumbnail,
  staffView,
  updateClass,
} from "../services/live/classes";
import { classCalendar, enroll, listClassesForMember, type MemberDeps, watchClass } from "../services/live/member";
import { createTRPCRouter, instructorProcedure, memberProcedure, tenantAdminProcedure } from "../trpc";
import { classInput, liveSettingsInput, updateClassInput } from "../validators";

type TenantCtx = Context & {
  tenant: { id: string; slug: string; name: string };
  user: { id: string };
  role: StaffDeps["actor"]["role"];
};

const staffDeps = (ctx: TenantCtx): StaffDeps => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  cloudflare: ctx.config.cloudflare,
  now: ctx.now,
  tenantId: ctx.tenant.id,
  actor: { userId: ctx.user.id, role: ctx.role },
});

const memberDeps = (ctx: TenantCtx): MemberDeps => ({
  db: ctx.db,
  secrets: ctx.config.secrets,
  cloudflare: ctx.config.cloudflare,
  now: ctx.now,
  tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name },
  viewer: { userId: ctx.user.id, role: ctx.role },
  publicUrl: ctx.config.billing.publicUrl,
});

const classId = z.object({ id: z.uuid() });

function assertFuture(start: Date, now: Date) {
  if (start.getTime() < now.getTime() - 60_000) {
    throw new AppError("BAD_REQUEST", "Choose a start time in the future.", { field: "scheduledStart" });
  }
}

/** Console → Live: instructors run their own classes, tenant admins every class. */
export const liveAdminRouter = createTRPCRouter({
  list: instructorProcedure.query(({ ctx }) => listClassesForStaff(staffDeps(ctx))),
  byId: instructorProcedure.input(classId).query(({ ctx, input }) => classDetailForStaff(staffDeps(ctx), input.id)),
  teachers: instructorProcedure.query(({ ctx }) => listTeachers(ctx.db, ctx.tenant.id)),
  create: instructorProcedure.input(classInput).mutation(async ({ ctx, input }) => {
    assertFuture(input.scheduledStart, ctx.now());
    return staffView(await createClass(staffDeps(ctx), input));
  }),
  update: instructorProcedure.input(updateClassInput).mutation(async ({ ctx, input }) => {
    const { id, ...fields } = input;
    const row = await updateClass(staffDeps(ctx), id, fields);
    return row ? staffView(row) : null;
  }),
  cancel: instructorProcedure.input(classId).mutation(({ ctx, input }) => cancelClass(staffDeps(ctx), input.id)),
  markLive: instructorProcedure
    .input(classId)
    .mutation(async ({ ctx, input }) => staffView(await markLive(staffDeps(ctx), input.id))),
  end: instructorProcedure
    .input(classId)
    .mutation(async ({ ctx, input }) => staffView(await endClass(staffDeps(ctx), input.id))),
  broadcast: instructorProcedure.input(classId).query(({ ctx, input }) => broadcastDetails(staffDeps(ctx), input.id)),
  setBroadcastMode: instructorProcedure
    .input(classId.extend({ mode: z.enum(["webrtc", "encoder"]) }))
    .mutation(({ ctx, input }) => setBroadcastMode(staffDeps(ctx), input.id, input.mode)),
  createRecordingUpload: instructorProcedure
    .input(
      classId.extend({
        sizeBytes: z
          .number()
          .int()
          .min(1)
          .max(30 * 1024 ** 3),
      }),
    )
    .mutation(({ ctx, input }) => createRecordingUpload(staffDeps(ctx), input.id, input.sizeBytes)),
  setThumbnail: instructorProcedure
    .input(
      classId.extend({
        contentType: z.enum(["image/jpeg", "image/png", "image/webp"]),
        // Base64 of at most 700 KB (the service checks the decoded bytes and their signature).
        data: z
          .base64("Choose a JPEG, PNG or WebP image.")
          .max(960_000, "The image is too large: choose one under 700 KB."),
      }),
    )
    .mutation(async ({ ctx, input }) => staffView(await setClassThumbnail(staffDeps(ctx), input.id, input.data))),
  removeThumbnail: instructorProcedure
    .input(classId)
    .mutation(async ({ ctx, input }) => staffView(await setClassThumbnail(staffDeps(ctx), input.id, null))),
  settings: tenantAdminProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db
      .select({
        replayDays: tenants.replayDays,
        catalogAfterDays: tenants.catalogAfterDays,
        catalogAccessLevel: tenants.catalogAccessLevel,
      })
      .from(tenants)
      .where(eq(tenants.id, ctx.tenant.id));
    if (!row) throw new AppError("NOT_FOUND", "This organization does not exist.");
    return row;
  }),
  updateSettings: tenantAdminProcedure.input(liveSettingsInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(tenants)
        .set({ ...input, updatedAt: ctx.now() })
        .where(eq(tenants.id, ctx.tenant.id));
      await recordAudit(tx, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
        action: "live.settings.update",
        targetType: "tenant",
        targetId: ctx.tenant.id,
        data: input,
      });
    });
    return input;
  }),
});

/** Portal → Live: what a member can enroll in and watch. */
export const livePortalRouter = createTRPCRouter({
  list: memberProcedure.query(({ ctx }) => listClassesForMember(memberDeps(ctx))),
  enroll: memberProcedure.input(classId).mutation(({ ctx, input }) => enroll(memberDeps(ctx), input.id)),
  watch: memberProcedure.input(classId).query(({ ctx, input }) => watchClass(memberDeps(ctx), input.id)),
  calendar: memberProcedure.input(classId).query(({ ctx, input }) => classCalendar(memberDeps(ctx), input.id)),
  /** The watch page's heartbeat: attendance (live or replay) and, while live, the concurrent audience. */
  heartbeat: memberProcedure
    .input(
      z.object({
        classId: z.uuid(),
        kind: z.enum(["live", "replay"]),
        watchedSeconds: z.number().min(0).max(3600),
      }),
    )
    .mutation(({ ctx, input }) => recordClassHeartbeat(memberDeps(ctx), input)),
});
