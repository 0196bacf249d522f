import { sessions } from "@marquee/db";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createUser, PASSWORD, portalCaller, sessionCookieFrom, testDb, uniqueSuffix } from "../src/testing";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("auth.signUp", () => {
  it("creates the account, signs it in and normalises the email", async () => {
    const { caller, resHeaders } = await portalCaller();
    const email = `New-${uniqueSuffix()}@Example.com`;
    const { user } = await caller.auth.signUp({ name: "  Nora  ", email, password: "long enough" });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Nora", isPlatformAdmin: false });
    expect(Object.keys(user).sort()).toEqual(["email", "id", "isPlatformAdmin", "name"]);
    const cookie = sessionCookieFrom(resHeaders);
    expect(cookie?.value).toMatch(/^[a-z2-7]+\.[a-z2-7]+$/);
    const me = await (await portalCaller({ sessionToken: cookie?.value })).caller.auth.me();
    expect(me?.user.email).toBe(email.toLowerCase());
  });

  it.each([
    [
      "an invalid email",
      { name: "A", email: "not-an-email", password: "long enough" },
      "email",
      "Enter a valid email address",
    ],
    [
      "a short password",
      { name: "A", email: "a@example.com", password: "short" },
      "password",
      "Use at least 8 characters",
    ],
    ["an empty name", { name: "   ", email: "a@example.com", password: "long enough" }, "name", "Enter your name"],
  ])("rejects %s with a field error", async (_case, input, field, message) => {
    const { caller } = await portalCaller();
    const error = await errorOf(caller.auth.signUp(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeDefined();
    const flat = (error.cause as unknown as { issues: { path: string[]; message: string }[] }).issues;
    expect(flat).toContainEqual(expect.objectContaining({ path: [field], message }));
  });

  it("refuses a duplicate email, whatever its case, on the email field", async () => {
    const existing = await createUser();
    const { caller } = await portalCaller();
    const error = await errorOf(
      caller.auth.signUp({ name: "Dup", email: existing.email.toUpperCase(), password: "long enough" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already exists/);
    expect((error.cause as { field?: string }).field).toBe("email");
  });
});

describe("auth.signIn", () => {
  it("signs in with the right password and rotates the presented session", async () => {
    const user = await createUser();
    const first = await portalCaller({ userId: user.id });
    await first.caller.auth.signIn({ email: user.email, password: PASSWORD });
    const rotated = sessionCookieFrom(first.resHeaders)?.value;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(first.token);
    // The session presented before signing in is gone.
    expect(await (await portalCaller({ sessionToken: first.token ?? "" })).caller.auth.me()).toBeNull();
    expect((await (await portalCaller({ sessionToken: rotated })).caller.auth.me())?.user.id).toBe(user.id);
  });

  it("answers the same for a wrong password and an unknown account", async () => {
    const user = await createUser();
    const { caller } = await portalCaller();
    const wrong = await errorOf(caller.auth.signIn({ email: user.email, password: "wrong password" }));
    const unknown = await errorOf(caller.auth.signIn({ email: `nobody-${uniqueSuffix()}@example.com`, password: "x" }));
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(unknown.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
  });

  it("refuses the 11th failed attempt within a minute with 429 and Retry-After, even with the right password", async () => {
    const user = await createUser();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const { caller } = await portalCaller();
      expect((await errorOf(caller.auth.signIn({ email: user.email, password: "wrong" }))).code).toBe("UNAUTHORIZED");
    }
    const { caller, resHeaders } = await portalCaller();
    const error = await errorOf(caller.auth.signIn({ email: user.email, password: PASSWORD }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    const retryAfter = Number(resHeaders.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});

describe("sessions", () => {
  it("store only the id and a SHA-256 of the secret, never the token", async () => {
    const user = await createUser();
    const { caller, resHeaders } = await portalCaller();
    await caller.auth.signIn({ email: user.email, password: PASSWORD });
    const token = sessionCookieFrom(resHeaders)?.value ?? "";
    const [id, secret] = token.split(".");
    const db = await testDb();
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(secret);
    expect(rows[0]?.id).toBe(id);
    const digest = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))).toString("hex");
    expect(rows[0]?.secretHash).toBe(digest);
  });

  it("set an HttpOnly SameSite=Lax cookie, Secure only for an https public URL", async () => {
    const user = await createUser();
    const plain = await portalCaller();
    await plain.caller.auth.signIn({ email: user.email, password: PASSWORD });
    const attributes = sessionCookieFrom(plain.resHeaders)?.attributes ?? "";
    expect(attributes).toContain("HttpOnly");
    expect(attributes).toContain("SameSite=Lax");
    expect(attributes).toContain("Path=/");
    expect(attributes).not.toContain("Secure");
    const secure = await portalCaller({ secureCookies: true });
    await secure.caller.auth.signIn({ email: user.email, password: PASSWORD });
    expect(sessionCookieFrom(secure.resHeaders)?.attributes).toContain("Secure");
  });

  it("are revoked on sign-out and the cookie cleared", async () => {
    const user = await createUser();
    const { caller, resHeaders, token } = await portalCaller({ userId: user.id });
    await caller.auth.signOut();
    expect(sessionCookieFrom(resHeaders)?.value).toBe("");
    expect(await (await portalCaller({ sessionToken: token ?? "" })).caller.auth.me()).toBeNull();
  });

  it("are all revoked on password change, and this browser gets a fresh one", async () => {
    const user = await createUser();
    const otherDevice = await portalCaller({ userId: user.id });
    const here = await portalCaller({ userId: user.id });
    await here.caller.auth.changePassword({ currentPassword: PASSWORD, newPassword: "a brand new secret" });
    const fresh = sessionCookieFrom(here.resHeaders)?.value ?? "";
    expect(fresh).not.toBe(here.token);
    expect(await (await portalCaller({ sessionToken: here.token ?? "" })).caller.auth.me()).toBeNull();
    expect(await (await portalCaller({ sessionToken: otherDevice.token ?? "" })).caller.auth.me()).toBeNull();
    expect((await (await portalCaller({ sessionToken: fresh })).caller.auth.me())?.user.id).toBe(user.id);
    // The new password works, the old one does not.
    const { caller } = await portalCaller();
    await expect(caller.auth.signIn({ email: user.email, password: PASSWORD })).rejects.toThrow(/incorrect/);
    await expect(caller.auth.signIn({ email: user.email, password: "a brand new secret" })).resolves.toBeTruthy();
  });

  it("refuse a password change with a wrong current password, on that field", async () => {
    const user = await createUser();
    const { caller } = await portalCaller({ userId: user.id });
    const error = await errorOf(
      caller.auth.changePassword({ currentPassword: "nope nope", newPassword: "whatever123" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as { field?: string }).field).toBe("currentPassword");
  });

  it("slide: a session close to expiry is extended and its cookie re-sent", async () => {
    const user = await createUser();
    const { token } = await portalCaller({ userId: user.id });
    const db = await testDb();
    const soon = new Date(Date.now() + 24 * 60 * 60 * 1000);
    await db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.userId, user.id));
    const { caller, resHeaders } = await portalCaller({ sessionToken: token ?? "" });
    expect((await caller.auth.me())?.user.id).toBe(user.id);
    expect(sessionCookieFrom(resHeaders)?.value).toBe(token);
    const [row] = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  it("expire: an expired session is deleted and reads as signed out", async () => {
    const user = await createUser();
    const { token } = await portalCaller({ userId: user.id });
    const db = await testDb();
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect(await (await portalCaller({ sessionToken: token ?? "" })).caller.auth.me()).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("reject a forged secret for a real session id", async () => {
    const user = await createUser();
    const { token } = await portalCaller({ userId: user.id });
    const [id] = (token ?? "").split(".");
    expect(
      await (await portalCaller({ sessionToken: `${id}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` })).caller.auth.me(),
    ).toBeNull();
  });
});
