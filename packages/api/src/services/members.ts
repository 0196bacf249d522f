import {
  type DbOrTx,
  type MembershipRole,
  memberships,
  type SubscriptionStatus,
  tokenWallets,
  users,
} from "@marquee/db";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { AppError } from "../errors";
import { recordAudit } from "./audit";

type TenantDeps = { db: DbOrTx; tenantId: string; actor: { userId: string; role: MembershipRole }; now: Date };

type MemberSubscription = {
  tierName: string;
  status: SubscriptionStatus;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};
type RawSubscription = Omit<MemberSubscription, "currentPeriodEnd"> & { currentPeriodEnd: string };

const notFound = () => new AppError("NOT_FOUND", "This member does not exist in this organization.");

export async function listMembers(db: DbOrTx, tenantId: string, input: { search?: string | undefined }) {
  const search = input.search?.trim();
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      tokenBalance: sql<number>`coalesce(${tokenWallets.balance}, 0)`,
      // The subscription that speaks for the member: live ones first, then the best tier.
      subscription: sql<{
        tierName: string;
        status: string;
        currentPeriodEnd: string;
        cancelAtPeriodEnd: boolean;
      } | null>`(
        select json_build_object(
          'tierName', t.name, 'status', s.status,
          'currentPeriodEnd', s.current_period_end, 'cancelAtPeriodEnd', s.cancel_at_period_end)
        from subscriptions s join tiers t on t.id = s.tier_id
        where s.tenant_id = ${memberships.tenantId} and s.user_id = ${memberships.userId}
        order by (s.status in ('active', 'trialing', 'past_due')) desc, t.rank desc, s.updated_at desc
        limit 1)`.mapWith((value: RawSubscription | string | null) => {
        if (value === null) return null;
        const raw = typeof value === "string" ? (JSON.parse(value) as RawSubscription) : value;
        return { ...raw, currentPeriodEnd: new Date(raw.currentPeriodEnd) };
      }),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      tokenWallets,
      and(eq(tokenWallets.tenantId, memberships.tenantId), eq(tokenWallets.userId, memberships.userId)),
    )
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        search ? or(ilike(users.name, `%${search}%`), ilike(users.email, `%${search}%`)) : undefined,
      ),
    )
    .orderBy(asc(users.name))
    .limit(1000);
}

/** Joins the tenant as a member; joining twice is harmless and keeps the existing role. */
export async function joinTenant(db: DbOrTx, tenantId: string, userId: string) {
  await db.insert(memberships).values({ tenantId, userId, role: "member" }).onConflictDoNothing();
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .limit(1);
  if (!membership) throw new AppError("INTERNAL", "Could not join the organization.");
  return membership;
}

/** The member behind a membership id of this tenant (for wallet work in the console). */
export async function memberOfTenant(db: DbOrTx, tenantId: string, membershipId: string) {
  const [row] = await db
    .select({ userId: memberships.userId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.tenantId, tenantId)));
  if (!row) throw notFound();
  return row;
}

async function loadTarget(db: DbOrTx, tenantId: string, membershipId: string) {
  const [target] = await db
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.tenantId, tenantId)))
    .limit(1)
    .for("update");
  if (!target) throw notFound();
  return target;
}

async function assertAnotherOwner(db: DbOrTx, tenantId: string) {
  // Locking the owner rows serialises concurrent demotions, so two cannot both pass.
  const owners = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "owner")))
    .for("update");
  if (owners.length <= 1) {
    throw new AppError("CONFLICT", "An organization needs at least one owner. Make someone else owner first.");
  }
}

export async function updateMemberRole(deps: TenantDeps, input: { membershipId: string; role: MembershipRole }) {
  return deps.db.transaction(async (tx) => {
    const target = await loadTarget(tx, deps.tenantId, input.membershipId);
    if (target.role === input.role) return { membershipId: target.id, role: target.role };
    if ((target.role === "owner" || input.role === "owner") && deps.actor.role !== "owner") {
      throw new AppError("FORBIDDEN", "Only an owner can grant or change the owner role.");
    }
    if (target.role === "owner") await assertAnotherOwner(tx, deps.tenantId);
    await tx
      .update(memberships)
      .set({ role: input.role, updatedAt: deps.now })
      .where(and(eq(memberships.id, target.id), eq(memberships.tenantId, deps.tenantId)));
    await recordAudit(tx, {
      tenantId: deps.tenantId,
      actorUserId: deps.actor.userId,
      action: "member.updateRole",
      targetType: "membership",
      targetId: target.id,
      data: { userId: target.userId, from: target.role, to: input.role },
    });
    return { membershipId: target.id, role: input.role };
  });
}

export async function removeMember(deps: TenantDeps, input: { membershipId: string }) {
  await deps.db.transaction(async (tx) => {
    const target = await loadTarget(tx, deps.tenantId, input.membershipId);
    if (target.role === "owner") {
      if (deps.actor.role !== "owner") throw new AppError("FORBIDDEN", "Only an owner can remove an owner.");
      await assertAnotherOwner(tx, deps.tenantId);
    }
    await tx.delete(memberships).where(and(eq(memberships.id, target.id), eq(memberships.tenantId, deps.tenantId)));
    await recordAudit(tx, {
      tenantId: deps.tenantId,
      actorUserId: deps.actor.userId,
      action: "member.remove",
      targetType: "membership",
      targetId: target.id,
      data: { userId: target.userId, role: target.role },
    });
  });
  return { membershipId: input.membershipId };
}
