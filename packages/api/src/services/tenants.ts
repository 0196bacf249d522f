import { type DbOrTx, memberships, tenants, users } from "@marquee/db";
import { count, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError, isUniqueViolation } from "../errors";
import type { createTenantInput, updateTenantInput } from "../validators";
import { recordAudit } from "./audit";

type Deps = { db: DbOrTx; actorUserId: string; now: Date };

const tenantColumns = {
  id: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  status: tenants.status,
  createdAt: tenants.createdAt,
};

const slugTaken = () => new AppError("CONFLICT", "This address is already taken.", { field: "slug" });

/** The public profile of an active tenant. */
export async function getPublicTenant(db: DbOrTx, slug: string) {
  const [tenant] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status })
    .from(tenants)
    .where(eq(tenants.slug, slug))
    .limit(1);
  if (tenant?.status !== "active") throw new AppError("NOT_FOUND", "There is no organization at this address.");
  return { id: tenant.id, slug: tenant.slug, name: tenant.name };
}

export async function listTenants(db: DbOrTx, input: { search?: string | undefined }) {
  const search = input.search?.trim();
  const memberCount = db
    .select({ tenantId: memberships.tenantId, members: count().as("members") })
    .from(memberships)
    .groupBy(memberships.tenantId)
    .as("member_counts");
  return db
    .select({ ...tenantColumns, memberCount: sql<number>`coalesce(${memberCount.members}, 0)`.mapWith(Number) })
    .from(tenants)
    .leftJoin(memberCount, eq(memberCount.tenantId, tenants.id))
    .where(search ? or(ilike(tenants.name, `%${search}%`), ilike(tenants.slug, `%${search}%`)) : undefined)
    .orderBy(desc(tenants.createdAt))
    .limit(500);
}

export async function createTenant(deps: Deps, input: z.output<typeof createTenantInput>) {
  return deps.db.transaction(async (tx) => {
    let ownerId: string | null = null;
    if (input.ownerEmail) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, input.ownerEmail))
        .limit(1);
      if (!owner) {
        throw new AppError("NOT_FOUND", "No account uses this email. Ask the owner to sign up first.", {
          field: "ownerEmail",
        });
      }
      ownerId = owner.id;
    }
    const tenant = await tx
      .insert(tenants)
      .values({ name: input.name, slug: input.slug })
      .returning(tenantColumns)
      .then((rows) => rows[0])
      .catch((error: unknown) => {
        throw isUniqueViolation(error, "tenants_slug_key") ? slugTaken() : error;
      });
    if (!tenant) throw new AppError("INTERNAL", "Could not create the organization.");
    if (ownerId) await tx.insert(memberships).values({ tenantId: tenant.id, userId: ownerId, role: "owner" });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId: deps.actorUserId,
      action: "tenant.create",
      targetType: "tenant",
      targetId: tenant.id,
      data: { slug: tenant.slug, ownerUserId: ownerId },
    });
    return { ...tenant, memberCount: ownerId ? 1 : 0 };
  });
}

export async function updateTenant(deps: Deps, input: z.output<typeof updateTenantInput>) {
  const { id, ...changes } = input;
  return deps.db.transaction(async (tx) => {
    const [tenant] = await tx
      .update(tenants)
      .set({ ...changes, updatedAt: deps.now })
      .where(eq(tenants.id, id))
      .returning(tenantColumns)
      .catch((error: unknown) => {
        throw isUniqueViolation(error, "tenants_slug_key") ? slugTaken() : error;
      });
    if (!tenant) throw new AppError("NOT_FOUND", "This organization does not exist.");
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorUserId: deps.actorUserId,
      action: changes.status === "archived" ? "tenant.archive" : "tenant.update",
      targetType: "tenant",
      targetId: tenant.id,
      data: changes,
    });
    return tenant;
  });
}
