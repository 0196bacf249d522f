import { type DbOrTx, type MembershipRole, subscriptions, tenants, tiers, type VideoAccess } from "@marquee/db";
import { and, eq, inArray, or, sql } from "drizzle-orm";

/** Who is asking, as far as video access goes. */
export type Viewer = {
  userId: string | null;
  role: MembershipRole | null;
  /** Rank of the tier of the viewer's active subscription in this tenant, if any. */
  subscribedRank: number | null;
};

export type RequiredTier = { id: string; name: string; rank: number };

export type AccessDecision =
  | { allowed: true }
  | {
      allowed: false;
      unlock: { kind: "signIn" } | { kind: "join" } | { kind: "subscribe"; tier: RequiredTier | null };
    };

const STAFF: readonly MembershipRole[] = ["owner", "admin", "instructor"];

/**
 * The access rule, in one place: public videos are for anyone, members-only videos for
 * anyone in the tenant, tier videos for staff and for subscribers at or above the tier.
 * A refusal says what would unlock the video.
 */
export function decideAccess(
  viewer: Viewer,
  video: { accessLevel: VideoAccess; requiredTier: RequiredTier | null },
): AccessDecision {
  if (video.accessLevel === "public") return { allowed: true };
  if (!viewer.userId) return { allowed: false, unlock: { kind: "signIn" } };
  if (!viewer.role) return { allowed: false, unlock: { kind: "join" } };
  if (video.accessLevel === "members" || STAFF.includes(viewer.role)) return { allowed: true };
  const required = video.requiredTier;
  if (required && viewer.subscribedRank !== null && viewer.subscribedRank >= required.rank) return { allowed: true };
  return { allowed: false, unlock: { kind: "subscribe", tier: required } };
}

const rankLookups = new WeakMap<DbOrTx, ReturnType<typeof prepareRankLookup>>();

function prepareRankLookup(db: DbOrTx) {
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  return db
    .select({ rank: sql<number | null>`max(${tiers.rank})` })
    .from(subscriptions)
    .innerJoin(tiers, eq(tiers.id, subscriptions.tierId))
    .innerJoin(tenants, eq(tenants.id, subscriptions.tenantId))
    .where(
      and(
        eq(subscriptions.tenantId, sql.placeholder("tenantId")),
        eq(subscriptions.userId, sql.placeholder("userId")),
        or(
          and(inArray(subscriptions.status, ["active", "trialing"]), sql`${subscriptions.currentPeriodEnd} > ${now}`),
          and(
            eq(subscriptions.status, "past_due"),
            sql`${subscriptions.pastDueSince} + make_interval(days => ${tenants.pastDueGraceDays}) > ${now}`,
          ),
        ),
      ),
    )
    .prepare("subscribed_rank");
}

/**
 * The best rank a member's subscriptions grant: active or trialing within the period paid
 * for, or past_due within the tenant's grace period. An archived tier still counts: its
 * subscribers keep access until their period ends.
 */
export async function subscribedRank(db: DbOrTx, tenantId: string, userId: string, now: Date): Promise<number | null> {
  let lookup = rankLookups.get(db);
  if (!lookup) {
    lookup = prepareRankLookup(db);
    rankLookups.set(db, lookup);
  }
  // A placeholder compared with a column is not mapped by it; postgres.js takes the ISO text.
  const [row] = await lookup.execute({ tenantId, userId, now: now.toISOString() });
  return row?.rank ?? null;
}

export async function loadViewer(
  db: DbOrTx,
  tenantId: string,
  user: { id: string } | null,
  role: MembershipRole | null,
  now: Date,
): Promise<Viewer> {
  if (!user) return { userId: null, role: null, subscribedRank: null };
  // Staff and non-members never need the subscription lookup.
  const rank = role === "member" ? await subscribedRank(db, tenantId, user.id, now) : null;
  return { userId: user.id, role, subscribedRank: rank };
}
