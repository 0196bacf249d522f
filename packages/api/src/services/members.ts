import { type DbOrTx, type MembershipRole, memberships, users } from "@marquee/db";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { AppError } from "../errors";
import { recordAudit } from "./audit";

type TenantDeps = { db: DbOrTx; tenantId: string; actor: { userId: string; role: MembershipRole }; now: Date };

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
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
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
