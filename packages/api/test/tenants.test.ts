import { describe, expect, it } from "vitest";
import { adminCaller, createMember, createUser, portalCaller, uniqueSuffix } from "../src/testing";

async function platformAdmin() {
  const user = await createUser({ platformAdmin: true });
  return (await adminCaller({ userId: user.id })).caller;
}

describe("tenants (platform admin)", () => {
  it("creates a tenant with an owner, lists it with its member count", async () => {
    const caller = await platformAdmin();
    const owner = await createUser();
    const slug = `dojo-${uniqueSuffix()}`;
    const created = await caller.tenants.create({ name: "New Dojo", slug, ownerEmail: owner.email.toUpperCase() });
    expect(created).toMatchObject({ slug, name: "New Dojo", status: "active", memberCount: 1 });
    const listed = (await caller.tenants.list({ search: slug })).find((t) => t.id === created.id);
    expect(listed?.memberCount).toBe(1);
    const me = await (await portalCaller({ userId: owner.id })).caller.auth.me();
    expect(me?.memberships).toContainEqual(expect.objectContaining({ slug, role: "owner" }));
  });

  it("explains a taken slug, a reserved slug and an unknown owner on their fields", async () => {
    const caller = await platformAdmin();
    const slug = `taken-${uniqueSuffix()}`;
    await caller.tenants.create({ name: "First", slug });
    await expect(caller.tenants.create({ name: "Second", slug })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: expect.objectContaining({ field: "slug" }),
    });
    await expect(caller.tenants.create({ name: "Admin", slug: "admin" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.tenants.create({
        name: "Orphan",
        slug: `orphan-${uniqueSuffix()}`,
        ownerEmail: `ghost-${uniqueSuffix()}@example.com`,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", cause: expect.objectContaining({ field: "ownerEmail" }) });
  });

  it("archives a tenant: it disappears from the portal and its console, and can be restored", async () => {
    const caller = await platformAdmin();
    const { user, tenantId } = await createMember("owner");
    const tenant = await caller.tenants.update({ id: tenantId, name: "Renamed" });
    expect(tenant.name).toBe("Renamed");
    await caller.tenants.archive({ id: tenantId });
    const portal = (await portalCaller({ userId: user.id })).caller;
    await expect(portal.tenant.bySlug({ slug: tenant.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(portal.tenant.join({ slug: tenant.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const console = (await adminCaller({ userId: user.id, tenantSlug: tenant.slug })).caller;
    await expect(console.members.list()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await caller.tenants.update({ id: tenantId, status: "active" });
    const nextRequest = (await portalCaller({ userId: user.id })).caller;
    expect((await nextRequest.tenant.bySlug({ slug: tenant.slug })).viewerRole).toBe("owner");
  });

  it("is refused to everyone but platform admins", async () => {
    const { user } = await createMember("owner");
    const { caller } = await adminCaller({ userId: user.id });
    await expect(caller.tenants.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("tenant (portal)", () => {
  it("shows the public profile and lets a signed-in user join once", async () => {
    const { tenantId } = await createMember("owner");
    const admin = await platformAdmin();
    const tenant = (await admin.tenants.list()).find((t) => t.id === tenantId);
    if (!tenant) throw new Error("tenant missing");
    const anonymous = (await portalCaller()).caller;
    expect(await anonymous.tenant.bySlug({ slug: tenant.slug })).toEqual({
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      viewerRole: null,
    });
    await expect(anonymous.tenant.join({ slug: tenant.slug })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const visitor = await createUser();
    const portal = (await portalCaller({ userId: visitor.id })).caller;
    expect((await portal.tenant.join({ slug: tenant.slug })).role).toBe("member");
    expect((await portal.tenant.join({ slug: tenant.slug })).role).toBe("member");
    expect((await portal.tenant.bySlug({ slug: tenant.slug })).viewerRole).toBe("member");
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    await expect((await portalCaller()).caller.tenant.bySlug({ slug: "nothing-here" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
