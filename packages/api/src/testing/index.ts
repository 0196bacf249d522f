import { randomBytes } from "node:crypto";
import { createSecretBox, createSession, generateSecretKey, hashPassword, parseSecretKeys } from "@marquee/auth";
import { type Db, type MembershipRole, memberships, tenants, users } from "@marquee/db";
import { getTestDatabase } from "@marquee/db/testing";
import { createInnerContext } from "../context";
import { createAdminCaller, createPortalCaller } from "../root";
import type { BillingEnvironment } from "../services/billing/environment";
import type { CloudflareEnvironment } from "../services/cloudflare/environment";
import { getTestCloudflare } from "./cloudflare";
import { getTestStripe } from "./stripe";

export const PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export async function testDb(): Promise<Db> {
  return (await getTestDatabase()).db;
}

export function uniqueSuffix() {
  return randomBytes(4).toString("hex");
}

export async function createUser(options: { platformAdmin?: boolean; email?: string } = {}) {
  const db = await testDb();
  passwordHash ??= hashPassword(PASSWORD);
  const suffix = uniqueSuffix();
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${suffix}@example.com`,
      name: `User ${suffix}`,
      passwordHash: await passwordHash,
      isPlatformAdmin: options.platformAdmin ?? false,
    })
    .returning();
  if (!user) throw new Error("user not created");
  return user;
}

export async function createTenant() {
  const db = await testDb();
  const suffix = uniqueSuffix();
  const [tenant] = await db
    .insert(tenants)
    .values({ slug: `tenant-${suffix}`, name: `Tenant ${suffix}` })
    .returning();
  if (!tenant) throw new Error("tenant not created");
  return tenant;
}

export async function addMember(tenantId: string, userId: string, role: MembershipRole = "member") {
  const db = await testDb();
  const [membership] = await db.insert(memberships).values({ tenantId, userId, role }).returning();
  if (!membership) throw new Error("membership not created");
  return membership;
}

/** A user with the given role in a fresh tenant. */
export async function createMember(role: MembershipRole, tenantId?: string) {
  const tenant = tenantId ? { id: tenantId } : await createTenant();
  const user = await createUser();
  const membership = await addMember(tenant.id, user.id, role);
  return { user, membership, tenantId: tenant.id };
}

export type CallerOptions = {
  userId?: string;
  sessionToken?: string;
  tenantSlug?: string;
  clientIp?: string;
  secureCookies?: boolean;
  cloudflare?: CloudflareEnvironment;
  billing?: BillingEnvironment;
  /** The request's clock, for tests that move time. */
  now?: () => Date;
};

/** One key per test process: enough to prove nothing is stored in clear. */
export const testSecrets = createSecretBox(parseSecretKeys(generateSecretKey()));

/** Context the way the HTTP adapter builds it, with headers readable afterwards. */
export async function makeContext(options: CallerOptions = {}) {
  const db = await testDb();
  let token = options.sessionToken ?? null;
  if (!token && options.userId) token = (await createSession(db, options.userId)).token;
  const resHeaders = new Headers();
  const ctx = createInnerContext({
    db,
    config: {
      secureCookies: options.secureCookies ?? false,
      secrets: testSecrets,
      cloudflare: options.cloudflare ?? (await getTestCloudflare()).environment,
      billing: options.billing ?? (await testStripe()).environment,
    },
    sessionToken: token,
    tenantSlug: options.tenantSlug ?? null,
    clientIp: options.clientIp ?? `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`,
    userAgent: "vitest",
    resHeaders,
    now: options.now,
  });
  return { ctx, resHeaders, token };
}

export async function portalCaller(options: CallerOptions = {}) {
  const made = await makeContext(options);
  return { ...made, caller: createPortalCaller(made.ctx) };
}

export async function adminCaller(options: CallerOptions = {}) {
  const made = await makeContext(options);
  return { ...made, caller: createAdminCaller(made.ctx) };
}

/** The value of our session cookie in a Set-Cookie header list, "" when it was cleared. */
export function sessionCookieFrom(headers: Headers): { value: string; attributes: string } | null {
  for (const cookie of headers.getSetCookie()) {
    const match = /^marquee_session=([^;]*)(.*)$/.exec(cookie);
    if (match) return { value: match[1] ?? "", attributes: match[2] ?? "" };
  }
  return null;
}

export { getTestCloudflare, testCloudflareEnvironment } from "./cloudflare";
export { getTestStripe, testBillingEnvironment } from "./stripe";

/** The worker's Stripe emulator, with webhooks delivered to this worker's database. */
export async function testStripe() {
  const stripe = await getTestStripe();
  stripe.attach({ db: await testDb(), secrets: testSecrets });
  return stripe;
}

/**
 * A tenant whose owner connected an account on the test Stripe emulator through
 * Settings → Payments (Marquee registered its webhook endpoint), with a member.
 */
export async function paidTenant() {
  const { user: owner, tenantId } = await createMember("owner");
  const db = await testDb();
  const tenant = await db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.id, tenantId) });
  if (!tenant) throw new Error("tenant missing");
  const stripe = await testStripe();
  const account = await stripe.emulator.createAccount();
  const { caller: admin } = await adminCaller({ userId: owner.id, tenantSlug: tenant.slug });
  await admin.settings.payments.save({ secretKey: account.secretKey });
  const { user: member, membership } = await createMember("member", tenantId);
  const { caller: portal } = await portalCaller({ userId: member.id, tenantSlug: tenant.slug });
  const deps = { db, secrets: testSecrets, billing: stripe.environment, now: () => new Date() };
  return { tenant, owner, admin, member, membership, portal, account, deps, emulator: stripe.emulator };
}

/**
 * A tenant whose admin (of the given role) has connected an account on the test emulator
 * through Settings → Cloudflare, with the deps services take.
 */
export async function connectedTenant(
  role: "owner" | "admin" = "owner",
  accountOptions: Parameters<Awaited<ReturnType<typeof getTestCloudflare>>["emulator"]["createAccount"]>[0] = {},
) {
  const { user, tenantId } = await createMember(role);
  const db = await testDb();
  const tenant = await db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.id, tenantId) });
  if (!tenant) throw new Error("tenant missing");
  const cloudflare = await getTestCloudflare();
  const account = await cloudflare.emulator.createAccount(accountOptions);
  const { caller } = await adminCaller({ userId: user.id, tenantSlug: tenant.slug });
  await caller.settings.cloudflare.save({ ...account, replaceWebhook: false });
  const deps = { db, secrets: testSecrets, cloudflare: cloudflare.environment };
  return { user, tenant, tenantId, account, caller, deps, emulator: cloudflare.emulator };
}

/** Polls until `check` yields something truthy; fails after `ms`. */
type Truthy<T> = Exclude<T, null | undefined | false | 0 | "">;

export async function waitFor<T>(check: () => T | Promise<T>, ms = 20_000): Promise<Truthy<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() - started > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
