import { cloudflareConnections } from "@marquee/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adminCaller, createMember, getTestCloudflare, testDb, testSecrets } from "../src/testing";

async function tenantAdmin() {
  const { user, tenantId } = await createMember("owner");
  const db = await testDb();
  const tenant = await db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.id, tenantId) });
  if (!tenant) throw new Error("tenant missing");
  const { caller } = await adminCaller({ userId: user.id, tenantSlug: tenant.slug });
  return { caller, tenantId };
}

/** Every string anywhere in a value, to prove a secret is nowhere in an output. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

async function emulatorAccount() {
  const { emulator } = await getTestCloudflare();
  return emulator.createAccount();
}

describe("settings.cloudflare", () => {
  it("stores working credentials sealed, shows only masked values, registers the webhook and a signing key", async () => {
    const { caller, tenantId } = await tenantAdmin();
    const account = await emulatorAccount();
    expect((await caller.settings.cloudflare.get()).inUse).toBe("none");
    const saved = await caller.settings.cloudflare.save({ ...account, replaceWebhook: false });
    expect(saved.inUse).toBe("tenant");
    expect(saved.own).toMatchObject({
      accountId: account.accountId,
      apiTokenHint: `••••${account.apiToken.slice(-4)}`,
      connected: true,
      webhookRegistered: true,
    });
    expect(saved.own?.signingKeyId).toBeTruthy();
    const outputs = [saved, await caller.settings.cloudflare.get(), await caller.settings.cloudflare.test()];
    for (const text of strings(outputs)) expect(text).not.toContain(account.apiToken);

    const db = await testDb();
    const [row] = await db.select().from(cloudflareConnections).where(eq(cloudflareConnections.tenantId, tenantId));
    if (!row) throw new Error("connection not stored");
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(account.apiToken);
    expect(row.apiTokenSealed && testSecrets.open(row.apiTokenSealed)).toBe(account.apiToken);
    const jwk = row.signingKeySealed ? (JSON.parse(testSecrets.open(row.signingKeySealed)) as { d?: string }) : {};
    expect(jwk.d).toBeTruthy();
    expect(stored).not.toContain(jwk.d);
    const webhookSecret = row.webhookSecretSealed ? testSecrets.open(row.webhookSecretSealed) : "";
    expect(webhookSecret.length).toBeGreaterThan(10);
    expect(stored).not.toContain(webhookSecret);
  });

  it("refuses a wrong token on the token field and clears what was stored", async () => {
    const { caller } = await tenantAdmin();
    const account = await emulatorAccount();
    await caller.settings.cloudflare.save({ ...account, replaceWebhook: false });
    const wrong = caller.settings.cloudflare.save({
      ...account,
      apiToken: "definitely-not-the-token-0000",
      replaceWebhook: false,
    });
    await expect(wrong).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: expect.objectContaining({ field: "apiToken" }),
    });
    const after = await caller.settings.cloudflare.get();
    expect(after.inUse).toBe("none");
    expect(after.own).toMatchObject({ connected: false, apiTokenHint: null });
  });

  it("clears stored credentials when a connection test fails", async () => {
    const { caller, tenantId } = await tenantAdmin();
    const account = await emulatorAccount();
    await caller.settings.cloudflare.save({ ...account, replaceWebhook: false });
    const db = await testDb();
    // The token was revoked on Cloudflare's side since it was saved.
    await db
      .update(cloudflareConnections)
      .set({ apiTokenSealed: testSecrets.seal("revoked-token-0000000000") })
      .where(eq(cloudflareConnections.tenantId, tenantId));
    await expect(caller.settings.cloudflare.test()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await caller.settings.cloudflare.get()).own?.connected).toBe(false);
  });

  it("asks before replacing a webhook the account already sends elsewhere", async () => {
    const { caller } = await tenantAdmin();
    const account = await emulatorAccount();
    const { emulator } = await getTestCloudflare();
    await emulator.app.fetch(
      new Request(`${emulator.apiBaseUrl}/accounts/${account.accountId}/stream/webhook`, {
        method: "PUT",
        headers: { authorization: `Bearer ${account.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify({ notificationUrl: "https://elsewhere.example/hook" }),
      }),
    );
    await expect(caller.settings.cloudflare.save({ ...account, replaceWebhook: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("https://elsewhere.example/hook"),
    });
    expect((await caller.settings.cloudflare.save({ ...account, replaceWebhook: true })).own?.webhookRegistered).toBe(
      true,
    );
  });

  it("explains a malformed account id on its field", async () => {
    const { caller } = await tenantAdmin();
    await expect(
      caller.settings.cloudflare.save({
        accountId: "nope",
        apiToken: "x".repeat(40),
        customerCode: "abcd",
        replaceWebhook: false,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("disconnects: the tenant falls back to none", async () => {
    const { caller } = await tenantAdmin();
    await caller.settings.cloudflare.save({ ...(await emulatorAccount()), replaceWebhook: false });
    expect((await caller.settings.cloudflare.disconnect()).inUse).toBe("none");
  });
});
