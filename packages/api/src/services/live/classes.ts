import {
  classEnrollments,
  type Db,
  type DbOrTx,
  type LiveClass,
  liveClasses,
  type MembershipRole,
  memberships,
  users,
} from "@marquee/db";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { creditTokens } from "../billing/wallet";
import { type CloudflareDeps, toAppError } from "../cloudflare/environment";
import { resolveConnectionClient, resolveTenantStream } from "../cloudflare/resolve";
import { deleteImage, imageUrl, parseImage, storeImage } from "../images";

export type StaffDeps = CloudflareDeps & {
  db: Db;
  now: () => Date;
  tenantId: string;
  actor: { userId: string; role: MembershipRole };
};

export type ClassFields = {
  title: string;
  description: string;
  scheduledStart: Date;
  durationMinutes: number;
  priceTokens: number;
  keepRecording: boolean;
  /** Who teaches; instructors always teach their own classes. */
  instructorUserId?: string | undefined;
};

const isAdmin = (role: MembershipRole) => role === "owner" || role === "admin";
const notFound = () => new AppError("NOT_FOUND", "This class does not exist (or is not yours to run).");

/**
 * The class as staff may act on it: tenant admins any class of the tenant, instructors
 * only the classes they teach. Anything else is "not found", never "forbidden".
 */
export async function classForStaff(deps: Omit<StaffDeps, keyof CloudflareDeps>, classId: string, tx?: DbOrTx) {
  const [row] = await (tx ?? deps.db)
    .select()
    .from(liveClasses)
    .where(
      and(
        eq(liveClasses.id, classId),
        eq(liveClasses.tenantId, deps.tenantId),
        isAdmin(deps.actor.role) ? undefined : eq(liveClasses.instructorUserId, deps.actor.userId),
      ),
    );
  if (!row) throw notFound();
  return row;
}

async function assertTeacher(db: DbOrTx, tenantId: string, userId: string) {
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  if (!member || member.role === "member") {
    throw new AppError("BAD_REQUEST", "Choose an instructor or admin of this organization to teach the class.", {
      field: "instructorUserId",
    });
  }
}

function teacherOf(deps: StaffDeps, requested: string | undefined) {
  if (!isAdmin(deps.actor.role)) return deps.actor.userId;
  return requested ?? deps.actor.userId;
}

/**
 * Creates the class and its Cloudflare live input (recording on, signed playback only:
 * members get tokens, never the bare input id). The input exists before the row, so a
 * class always has somewhere to broadcast to.
 */
export async function createClass(deps: StaffDeps, input: ClassFields) {
  const instructorUserId = teacherOf(deps, input.instructorUserId);
  await assertTeacher(deps.db, deps.tenantId, instructorUserId);
  const stream = await resolveTenantStream(deps, deps.tenantId);
  const id = crypto.randomUUID();
  let liveInputUid: string;
  try {
    const created = await stream.client.createLiveInput({
      name: input.title,
      meta: { marquee_tenant_id: deps.tenantId, marquee_class_id: id },
      recording: { mode: "automatic", requireSignedURLs: true },
      idempotencyKey: `marquee-class-${id}`,
    });
    liveInputUid = created.uid;
  } catch (error) {
    throw toAppError(error);
  }
  const [row] = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .insert(liveClasses)
      .values({
        id,
        tenantId: deps.tenantId,
        instructorUserId,
        title: input.title,
        description: input.description,
        scheduledStart: input.scheduledStart,
        durationMinutes: input.durationMinutes,
        priceTokens: input.priceTokens,
        keepRecording: input.keepRecording,
        connectionId: stream.connectionId,
        liveInputUid,
      })
      .returning();
    await audit(tx, deps, "class.create", id, { title: input.title });
    return rows;
  });
  if (!row) throw new AppError("INTERNAL", "The class was not saved.");
  return row;
}

export async function updateClass(deps: StaffDeps, classId: string, input: ClassFields) {
  const current = await classForStaff(deps, classId);
  if (current.status === "cancelled" || current.status === "ended") {
    throw new AppError("BAD_REQUEST", "This class is over: it can no longer be edited.");
  }
  const instructorUserId = teacherOf(deps, input.instructorUserId ?? current.instructorUserId);
  await assertTeacher(deps.db, deps.tenantId, instructorUserId);
  const started = current.status === "live";
  if (started && input.priceTokens !== current.priceTokens) {
    throw new AppError("BAD_REQUEST", "The price cannot change once the class has started.", { field: "priceTokens" });
  }
  const [row] = await deps.db
    .update(liveClasses)
    .set({
      title: input.title,
      description: input.description,
      instructorUserId,
      keepRecording: input.keepRecording,
      ...(started ? {} : { scheduledStart: input.scheduledStart, durationMinutes: input.durationMinutes }),
      priceTokens: input.priceTokens,
      updatedAt: deps.now(),
    })
    .where(eq(liveClasses.id, current.id))
    .returning();
  await audit(deps.db, deps, "class.update", classId, { title: input.title });
  if (row && row.title !== current.title) {
    // Only a label in Cloudflare's dashboard: a failure here changes nothing for members.
    const client = await resolveConnectionClient(deps, row.connectionId).catch(() => null);
    await client?.updateLiveInput(row.liveInputUid, { name: row.title }).catch(() => undefined);
  }
  return row;
}

/**
 * Cancels a class that has not started, and refunds every enrollee. Safe to repeat: a
 * refund is a ledger row keyed by the enrollment, so a second run (or a concurrent one)
 * refunds nobody twice.
 */
export async function cancelClass(deps: StaffDeps, classId: string) {
  const current = await classForStaff(deps, classId);
  if (current.status === "live" || current.status === "ended") {
    throw new AppError("BAD_REQUEST", "A class that has started cannot be cancelled; end it instead.");
  }
  if (current.status === "scheduled") {
    await deps.db
      .update(liveClasses)
      .set({ status: "cancelled", cancelledAt: deps.now(), updatedAt: deps.now() })
      .where(and(eq(liveClasses.id, classId), eq(liveClasses.status, "scheduled")));
    await audit(deps.db, deps, "class.cancel", classId, { title: current.title });
  }
  const refunded = await refundEnrollments(deps.db, current, deps.now());
  // Nobody may broadcast into a cancelled class.
  const client = await resolveConnectionClient(deps, current.connectionId).catch(() => null);
  await client?.updateLiveInput(current.liveInputUid, { enabled: false }).catch(() => undefined);
  return { refunded };
}

async function refundEnrollments(db: Db, liveClass: LiveClass, now: Date) {
  const open = await db
    .select()
    .from(classEnrollments)
    .where(and(eq(classEnrollments.classId, liveClass.id), isNull(classEnrollments.refundedAt)));
  let refunded = 0;
  for (const enrollment of open) {
    await db.transaction(async (tx) => {
      if (enrollment.pricePaid > 0) {
        const credit = await creditTokens(tx, {
          tenantId: enrollment.tenantId,
          userId: enrollment.userId,
          amount: enrollment.pricePaid,
          reason: "refund",
          reference: enrollment.id,
          note: `Refund: ${liveClass.title} was cancelled`,
        });
        if (credit.applied) refunded++;
      }
      await tx
        .update(classEnrollments)
        .set({ refundedAt: now })
        .where(and(eq(classEnrollments.id, enrollment.id), isNull(classEnrollments.refundedAt)));
    });
  }
  return refunded;
}

/** "Mark live": the instructor says the class has begun (Cloudflare's status does it too). */
export async function markLive(deps: StaffDeps, classId: string) {
  const current = await classForStaff(deps, classId);
  if (current.status === "live") return current;
  if (current.status !== "scheduled") throw new AppError("BAD_REQUEST", "This class is over.");
  return startClass(deps.db, current.id, deps.now());
}

export async function startClass(db: DbOrTx, classId: string, now: Date) {
  const [row] = await db
    .update(liveClasses)
    .set({ status: "live", startedAt: now, updatedAt: now })
    .where(and(eq(liveClasses.id, classId), eq(liveClasses.status, "scheduled")))
    .returning();
  if (row) return row;
  const [current] = await db.select().from(liveClasses).where(eq(liveClasses.id, classId));
  if (!current) throw notFound();
  return current;
}

/** "End class": over for everyone; the replay follows once its recording is ready. */
export async function endClass(deps: StaffDeps, classId: string) {
  const current = await classForStaff(deps, classId);
  if (current.status === "ended") return current;
  if (current.status === "cancelled") throw new AppError("BAD_REQUEST", "This class was cancelled.");
  return finishClass(deps, current, deps.now());
}

/**
 * Ends a class. An encoder broadcast's replay is Cloudflare's recording (processing until
 * its webhook says ready); a browser broadcast's replay is the recording the broadcast page
 * uploads.
 */
export async function finishClass(deps: CloudflareDeps & { db: Db }, current: LiveClass, now: Date) {
  const encoder = current.broadcastMode !== "webrtc" && current.startedAt !== null;
  const [row] = await deps.db
    .update(liveClasses)
    .set({
      status: "ended",
      endedAt: now,
      currentViewers: 0,
      ...(encoder && current.recordingStatus === "none" ? { recordingStatus: "processing" as const } : {}),
      updatedAt: now,
    })
    .where(and(eq(liveClasses.id, current.id), inArray(liveClasses.status, ["scheduled", "live"])))
    .returning();
  if (encoder && row && !row.recordingUid) {
    const client = await resolveConnectionClient(deps, row.connectionId).catch(() => null);
    const recordings = await client?.listLiveInputRecordings(row.liveInputUid).catch(() => []);
    const latest = recordings?.[0];
    if (latest) {
      await deps.db
        .update(liveClasses)
        .set({ recordingUid: latest.uid, recordingStatus: latest.state === "ready" ? "ready" : "processing" })
        .where(and(eq(liveClasses.id, row.id), isNull(liveClasses.recordingUid)));
    }
  }
  const [fresh] = await deps.db.select().from(liveClasses).where(eq(liveClasses.id, current.id));
  return fresh ?? current;
}

/** The broadcast page says how it broadcasts: from the browser (WHIP) or with an encoder. */
export async function setBroadcastMode(deps: StaffDeps, classId: string, mode: "webrtc" | "encoder") {
  const current = await classForStaff(deps, classId);
  if (current.status === "ended" || current.status === "cancelled") {
    throw new AppError("BAD_REQUEST", "This class is over.");
  }
  await deps.db
    .update(liveClasses)
    .set({ broadcastMode: mode, updatedAt: deps.now() })
    .where(eq(liveClasses.id, current.id));
  return { mode };
}

/**
 * Where and how to broadcast: the WHIP URL for the browser, RTMPS and SRT for an encoder.
 * Secrets: only the class's instructor and tenant admins ever get them.
 */
export async function broadcastDetails(deps: StaffDeps, classId: string) {
  const current = await classForStaff(deps, classId);
  try {
    const client = await resolveConnectionClient(deps, current.connectionId);
    const input = await client.getLiveInput(current.liveInputUid);
    return { whipUrl: input.webRtcUrl, rtmps: input.rtmps, srt: input.srt, status: input.status };
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * After a browser broadcast, the page uploads its own recording (Cloudflare does not
 * record WHIP). A resumable TUS upload; the class shows "replay processing" until the
 * video is ready.
 */
export async function createRecordingUpload(deps: StaffDeps, classId: string, sizeBytes: number) {
  const current = await classForStaff(deps, classId);
  if (current.broadcastMode !== "webrtc") {
    throw new AppError("BAD_REQUEST", "Only browser broadcasts upload their own recording.");
  }
  if (current.recordingStatus === "ready") throw new AppError("CONFLICT", "This class already has its replay.");
  try {
    const client = await resolveConnectionClient(deps, current.connectionId);
    const upload = await client.createTusUpload({
      uploadLength: sizeBytes,
      directUser: true,
      metadata: {
        name: `${current.title} (recording)`,
        maxDurationSeconds: Math.min(36_000, current.durationMinutes * 60 * 2),
        requireSignedURLs: true,
      },
    });
    await deps.db
      .update(liveClasses)
      .set({ recordingUid: upload.uid, recordingStatus: "processing", updatedAt: deps.now() })
      .where(eq(liveClasses.id, current.id));
    return upload;
  } catch (error) {
    throw toAppError(error);
  }
}

/** Classes with their instructor, seats and token revenue: every class for admins, their own for instructors. */
async function staffRows(deps: Omit<StaffDeps, keyof CloudflareDeps>, classId?: string) {
  const enrollment = deps.db
    .select({
      classId: classEnrollments.classId,
      enrolled: sql<number>`count(*) filter (where ${classEnrollments.refundedAt} is null)::int`.as("enrolled"),
      revenue:
        sql<number>`coalesce(sum(${classEnrollments.pricePaid}) filter (where ${classEnrollments.refundedAt} is null), 0)::int`.as(
          "revenue",
        ),
    })
    .from(classEnrollments)
    .where(eq(classEnrollments.tenantId, deps.tenantId))
    .groupBy(classEnrollments.classId)
    .as("enrollment");
  const rows = await deps.db
    .select({
      liveClass: liveClasses,
      instructorName: users.name,
      enrolled: sql<number>`coalesce(${enrollment.enrolled}, 0)`,
      revenue: sql<number>`coalesce(${enrollment.revenue}, 0)`,
    })
    .from(liveClasses)
    .innerJoin(users, eq(users.id, liveClasses.instructorUserId))
    .leftJoin(enrollment, eq(enrollment.classId, liveClasses.id))
    .where(
      and(
        eq(liveClasses.tenantId, deps.tenantId),
        isAdmin(deps.actor.role) ? undefined : eq(liveClasses.instructorUserId, deps.actor.userId),
        classId ? eq(liveClasses.id, classId) : undefined,
      ),
    )
    .orderBy(desc(liveClasses.scheduledStart))
    .limit(500);
  return rows.map(({ liveClass, instructorName, enrolled, revenue }) => ({
    ...staffView(liveClass),
    instructorName,
    enrolled,
    revenue,
  }));
}

/** One class as the console's class page shows it. */
export async function classDetailForStaff(deps: Omit<StaffDeps, keyof CloudflareDeps>, classId: string) {
  const [item] = await staffRows(deps, classId);
  if (!item) throw notFound();
  return item;
}

/** The console's lists: every class of the tenant for admins, their own for instructors. */
export async function listClassesForStaff(deps: Omit<StaffDeps, keyof CloudflareDeps>) {
  const items = await staffRows(deps);
  return {
    live: items.filter((c) => c.status === "live"),
    scheduled: items.filter((c) => c.status === "scheduled").reverse(),
    past: items.filter((c) => c.status === "ended" || c.status === "cancelled"),
  };
}

/** A class as the console shows it: everything but the live input's secrets (which are not stored). */
export function staffView(row: LiveClass) {
  const { connectionId: _, thumbnailImageId, ...rest } = row;
  return { ...rest, thumbnailUrl: thumbnailImageId ? imageUrl(thumbnailImageId) : null };
}

/**
 * Replaces the class's thumbnail (or removes it, with `null`). The old image goes with it;
 * a catalog video made from the class holds its own copy.
 */
export async function setClassThumbnail(deps: StaffDeps, classId: string, base64: string | null) {
  const image = base64 === null ? null : parseImage(base64);
  return deps.db.transaction(async (tx) => {
    const current = await classForStaff(deps, classId, tx);
    const imageId = image ? await storeImage(tx, deps.tenantId, image) : null;
    const [row] = await tx
      .update(liveClasses)
      .set({ thumbnailImageId: imageId, updatedAt: deps.now() })
      .where(eq(liveClasses.id, current.id))
      .returning();
    if (current.thumbnailImageId) await deleteImage(tx, current.thumbnailImageId);
    await audit(tx, deps, image ? "class.thumbnail.set" : "class.thumbnail.remove", classId, {});
    if (!row) throw notFound();
    return row;
  });
}

export async function listTeachers(db: DbOrTx, tenantId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, ["owner", "admin", "instructor"])))
    .orderBy(asc(users.name));
}

function audit(db: DbOrTx, deps: StaffDeps, action: string, classId: string, data: Record<string, unknown>) {
  return recordAudit(db, {
    tenantId: deps.tenantId,
    actorUserId: deps.actor.userId,
    action,
    targetType: "live_class",
    targetId: classId,
    data,
  });
}
