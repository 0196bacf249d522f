import {
  classEnrollments,
  type Db,
  type LiveClass,
  liveClasses,
  type MembershipRole,
  tenants,
  users,
} from "@marquee/db";
import { playbackUrls, signPlaybackToken } from "@marquee/stream";
import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import ical, { ICalAlarmType } from "ical-generator";
import { AppError } from "../../errors";
import { spendTokens } from "../billing/wallet";
import type { CloudflareDeps } from "../cloudflare/environment";
import { playbackKeyFor } from "../cloudflare/resolve";
import { imageUrl } from "../images";

export type MemberDeps = CloudflareDeps & {
  db: Db;
  now: () => Date;
  tenant: { id: string; slug: string; name: string };
  viewer: { userId: string; role: MembershipRole };
  publicUrl: string;
};

const STAFF: readonly MembershipRole[] = ["owner", "admin", "instructor"];
const notFound = () => new AppError("NOT_FOUND", "This class does not exist.");

/** What a member sees of a class: never the live input or anything that could broadcast to it. */
function memberView(row: LiveClass, instructorName: string) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    instructorName,
    scheduledStart: row.scheduledStart,
    scheduledEnd: new Date(row.scheduledStart.getTime() + row.durationMinutes * 60_000),
    durationMinutes: row.durationMinutes,
    priceTokens: row.priceTokens,
    status: row.status,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    thumbnailUrl: row.thumbnailImageId ? imageUrl(row.thumbnailImageId) : null,
  };
}

/**
 * The portal's Live page: classes live now and upcoming, and the ended ones the member
 * enrolled in whose replay is still open. Each says whether the member holds a seat.
 */
export async function listClassesForMember(deps: MemberDeps) {
  const now = deps.now();
  const [tenant] = await deps.db
    .select({ replayDays: tenants.replayDays })
    .from(tenants)
    .where(eq(tenants.id, deps.tenant.id));
  const replayCutoff = new Date(now.getTime() - (tenant?.replayDays ?? 7) * 86_400_000);
  const rows = await deps.db
    .select({
      liveClass: liveClasses,
      instructorName: users.name,
      enrolled: sql<boolean>`${classEnrollments.id} is not null`,
    })
    .from(liveClasses)
    .innerJoin(users, eq(users.id, liveClasses.instructorUserId))
    .leftJoin(
      classEnrollments,
      and(
        eq(classEnrollments.classId, liveClasses.id),
        eq(classEnrollments.userId, deps.viewer.userId),
        isNull(classEnrollments.refundedAt),
      ),
    )
    .where(
      and(
        eq(liveClasses.tenantId, deps.tenant.id),
        or(
          inArray(liveClasses.status, ["scheduled", "live"]),
          and(eq(liveClasses.status, "ended"), gt(liveClasses.endedAt, replayCutoff)),
        ),
      ),
    )
    .orderBy(asc(liveClasses.scheduledStart))
    .limit(200);
  const staff = STAFF.includes(deps.viewer.role);
  const items = rows.map(({ liveClass, instructorName, enrolled }) => ({
    ...memberView(liveClass, instructorName),
    enrolled,
    canWatch: enrolled || staff,
  }));
  return {
    live: items.filter((c) => c.status === "live"),
    upcoming: items.filter((c) => c.status === "scheduled"),
    replays: items.filter((c) => c.status === "ended" && c.canWatch),
  };
}

export type EnrollResult = { enrolled: true; charged: boolean; balance: number | null };

/**
 * Takes a seat: one transaction inserts the enrollment (unique per class and member) and
 * spends the price from the wallet (a conditional update). A second request finds the
 * seat and charges nothing; not enough tokens rolls the seat back.
 */
export async function enroll(deps: MemberDeps, classId: string): Promise<EnrollResult> {
  const [row] = await deps.db
    .select()
    .from(liveClasses)
    .where(and(eq(liveClasses.id, classId), eq(liveClasses.tenantId, deps.tenant.id)));
  if (!row) throw notFound();
  if (row.status === "cancelled") throw new AppError("BAD_REQUEST", "This class was cancelled.");
  if (row.status === "ended") throw new AppError("BAD_REQUEST", "This class is over.");
  const owner = { tenantId: deps.tenant.id, userId: deps.viewer.userId };
  const shortBy = new Error("insufficient");
  let balance: number | null = null;
  try {
    return await deps.db.transaction(async (tx) => {
      const [enrollment] = await tx
        .insert(classEnrollments)
        .values({ ...owner, classId, pricePaid: row.priceTokens })
        .onConflictDoNothing()
        .returning({ id: classEnrollments.id });
      if (!enrollment) return { enrolled: true as const, charged: false, balance: null };
      if (row.priceTokens === 0) return { enrolled: true as const, charged: false, balance: null };
      const spent = await spendTokens(tx, {
        ...owner,
        amount: row.priceTokens,
        reason: "enrollment",
        reference: enrollment.id,
        note: row.title,
      });
      if (!spent.ok) {
        balance = spent.balance;
        throw shortBy;
      }
      return { enrolled: true as const, charged: true, balance: spent.balance };
    });
  } catch (error) {
    if (error !== shortBy) throw error;
    throw new AppError(
      "BAD_REQUEST",
      `This class costs ${row.priceTokens} tokens and you have ${balance ?? 0}. Buy a token pack to enroll.`,
      { field: "tokens" },
    );
  }
}

export type WatchResult =
  | { state: "not_enrolled" | "cancelled" | "replay_expired"; class: ReturnType<typeof memberView> }
  | { state: "scheduled"; class: ReturnType<typeof memberView> }
  | { state: "replay_processing"; class: ReturnType<typeof memberView>; replayUntil: Date }
  | {
      state: "live";
      class: ReturnType<typeof memberView>;
      /** WebRTC (WHEP) for browser broadcasts, HLS for encoders. */
      player: { kind: "whep"; url: string } | { kind: "hls"; url: string };
    }
  | { state: "replay"; class: ReturnType<typeof memberView>; hls: string; replayUntil: Date };

/**
 * What the watch page may show. Enrollees (and staff) watch live, then the replay until
 * the tenant's replay period after the end; every URL carries a short-lived signed token.
 */
export async function watchClass(deps: MemberDeps, classId: string): Promise<WatchResult> {
  const [found] = await deps.db
    .select({ liveClass: liveClasses, instructorName: users.name, replayDays: tenants.replayDays })
    .from(liveClasses)
    .innerJoin(users, eq(users.id, liveClasses.instructorUserId))
    .innerJoin(tenants, eq(tenants.id, liveClasses.tenantId))
    .where(and(eq(liveClasses.id, classId), eq(liveClasses.tenantId, deps.tenant.id)));
  if (!found) throw notFound();
  const row = found.liveClass;
  const view = memberView(row, found.instructorName);
  if (row.status === "cancelled") return { state: "cancelled", class: view };
  const staff = STAFF.includes(deps.viewer.role);
  if (!staff) {
    const [seat] = await deps.db
      .select({ id: classEnrollments.id })
      .from(classEnrollments)
      .where(
        and(
          eq(classEnrollments.classId, row.id),
          eq(classEnrollments.userId, deps.viewer.userId),
          isNull(classEnrollments.refundedAt),
        ),
      );
    if (!seat) return { state: "not_enrolled", class: view };
  }
  const now = deps.now();
  if (row.status === "scheduled") return { state: "scheduled", class: view };
  if (row.status === "live") {
    const until = Math.max(view.scheduledEnd.getTime() + 2 * 3_600_000, now.getTime() + 3_600_000);
    const token = await signedId(deps, row, row.liveInputUid, Math.floor((until - now.getTime()) / 1000));
    const base = await customerDomainOf(deps, row);
    return {
      state: "live",
      class: view,
      player:
        row.broadcastMode === "webrtc"
          ? { kind: "whep", url: `${base}/${token}/webRTC/play` }
          : { kind: "hls", url: playbackUrls(base, token).hls },
    };
  }
  const replayUntil = new Date((row.endedAt ?? now).getTime() + found.replayDays * 86_400_000);
  if (!staff && now >= replayUntil) return { state: "replay_expired", class: view };
  if (row.recordingStatus !== "ready" || !row.recordingUid)
    return { state: "replay_processing", class: view, replayUntil };
  const lifetime = Math.max(60, Math.floor((replayUntil.getTime() - now.getTime()) / 1000));
  const token = await signedId(deps, row, row.recordingUid, lifetime);
  return { state: "replay", class: view, hls: playbackUrls(await customerDomainOf(deps, row), token).hls, replayUntil };
}

async function customerDomainOf(deps: MemberDeps, row: LiveClass) {
  return (await playbackKeyFor(deps, row.connectionId)).customerDomain;
}

async function signedId(deps: MemberDeps, row: LiveClass, uid: string, seconds: number) {
  const key = await playbackKeyFor(deps, row.connectionId);
  if (!key.signingKey) throw new AppError("UNAVAILABLE", "Playback is not set up for this organization yet.");
  return signPlaybackToken({
    keyId: key.signingKey.id,
    privateKey: key.signingKey.privateKey,
    videoUid: uid,
    expiresInSeconds: Math.min(seconds, 86_400),
    now: deps.now(),
  });
}

/**
 * The class as a calendar file: a stable UID (a re-download updates the entry), a
 * sequence that grows with every edit, the watch URL, and a reminder an hour before.
 */
export async function classCalendar(deps: MemberDeps, classId: string) {
  const watch = await watchClass(deps, classId);
  if (watch.state === "not_enrolled")
    throw new AppError("FORBIDDEN", "Enroll in this class to add it to your calendar.");
  const [row] = await deps.db.select().from(liveClasses).where(eq(liveClasses.id, classId));
  if (!row) throw notFound();
  const watchUrl = `${deps.publicUrl}/${deps.tenant.slug}/live/${row.id}`;
  const calendar = ical({
    name: deps.tenant.name,
    prodId: { company: "Marquee", product: "Live classes", language: "EN" },
  });
  calendar.createEvent({
    id: `class-${row.id}@marquee`,
    sequence: Math.max(0, Math.floor((row.updatedAt.getTime() - row.createdAt.getTime()) / 1000)),
    stamp: deps.now(),
    lastModified: row.updatedAt,
    start: row.scheduledStart,
    end: new Date(row.scheduledStart.getTime() + row.durationMinutes * 60_000),
    summary: row.title,
    description: row.description ? `${row.description}\n\nWatch: ${watchUrl}` : `Watch: ${watchUrl}`,
    url: watchUrl,
    alarms: [{ type: ICalAlarmType.display, trigger: 3600, description: `${row.title} starts in an hour` }],
  });
  const slug =
    row.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "class";
  return { filename: `${slug}.ics`, content: calendar.toString() };
}
