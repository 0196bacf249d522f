import { auditLog } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addMember, adminCaller, createMember, createUser, portalCaller, testDb } from "../src/testing";

async function adminOf(role: "owner" | "admin") {
  const { user, tenantId } = await createMember(role);
  const db = await testDb();
  const tenant = await db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.id, tenantId) });
  if (!tenant) throw new Error("tenant missing");
  const { caller } = await adminCaller({ userId: user.id, tenantSlug: tenant.slug });
  return { caller, user, tenant };
}

describe("members", () => {
  it("lists the tenant's members with their roles, searchable", async () => {
    const { caller, tenant } = await adminOf("owner");
    const other = await createUser();
    await addMember(tenant.id, other.id, "member");
    const list = await caller.members.list();
    expect(list.map((m) => m.email).sort()).toEqual(expect.arrayContaining([other.email]));
    expect(list).toHaveLength(2);
    expect(await caller.members.list({ search: other.email.slice(0, 12) })).toHaveLength(1);
  });

  it("lets an admin promote a member to instructor, and records it in the audit log", async () => {
    const { caller, tenant, user } = await adminOf("admin");
    const member = await createMember("member", tenant.id);
    await caller.members.updateRole({ membershipId: member.membership.id, role: "instructor" });
    const list = await caller.members.list();
    expect(list.find((m) => m.membershipId === member.membership.id)?.role).toBe("instructor");
    const db = await testDb();
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, "member.updateRole")));
    expect(entry).toMatchObject({
      actorUserId: user.id,
      targetId: member.membership.id,
      data: { from: "member", to: "instructor" },
    });
  });

  it("keeps the owner role for owners: an admin can neither grant it nor demote an owner", async () => {
    const { caller, tenant } = await adminOf("admin");
    const member = await createMember("member", tenant.id);
    const owner = await createMember("owner", tenant.id);
    await expect(
      caller.members.updateRole({ membershipId: member.membership.id, role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.members.updateRole({ membershipId: owner.membership.id, role: "member" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.members.remove({ membershipId: owner.membership.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("never leaves a tenant without an owner", async () => {
    const { caller, user } = await adminOf("owner");
    const [self] = (await caller.members.list()).filter((m) => m.userId === user.id);
    if (!self) throw new Error("owner missing from list");
    await expect(caller.members.updateRole({ membershipId: self.membershipId, role: "admin" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/at least one owner/),
    });
    await expect(caller.members.remove({ membershipId: self.membershipId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("removes a member, who then loses access", async () => {
    const { caller, tenant } = await adminOf("owner");
    const member = await createMember("member", tenant.id);
    await caller.members.remove({ membershipId: member.membership.id });
    const { caller: memberPortal } = await portalCaller({ userId: member.user.id });
    expect((await memberPortal.tenant.bySlug({ slug: tenant.slug })).viewerRole).toBeNull();
  });

  it("is closed to instructors and members of the tenant", async () => {
    const { tenant } = await adminOf("owner");
    for (const role of ["instructor", "member"] as const) {
      const { user } = await createMember(role, tenant.id);
      const { caller } = await adminCaller({ userId: user.id, tenantSlug: tenant.slug });
      await expect(caller.members.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("needs a signed-in user and a tenant", async () => {
    const { tenant } = await adminOf("owner");
    await expect((await adminCaller({ tenantSlug: tenant.slug })).caller.members.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const { user } = await createMember("admin", tenant.id);
    await expect((await adminCaller({ userId: user.id })).caller.members.list()).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      (await adminCaller({ userId: user.id, tenantSlug: "no-such-tenant" })).caller.members.list(),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
