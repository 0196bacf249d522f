import { createHash, timingSafeEqual } from "node:crypto";
import {
  type DbOrTx,
  type MembershipRole,
  memberships,
  type Session,
  sessions,
  type TenantStatus,
  tenants,
  type User,
  users,
} from "@marquee/db";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, eq, ne, sql } from "drizzle-orm";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Extend the expiry once less than this is left, so an active user stays signed in. */
const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

export type SessionUser = Pick<User, "id" | "email" | "name" | "isPlatformAdmin">;
/** The user's memberships in active tenants, loaded with the session: most requests need them. */
export type SessionMembership = {
  tenantId: string;
  slug: string;
  name: string;
  status: TenantStatus;
  role: MembershipRole;
};
export type ValidatedSession = {
  session: Pick<Session, "id" | "userId" | "expiresAt">;
  user: SessionUser;
  memberships: SessionMembership[];
  /** True when the expiry moved and the cookie must be sent again. */
  renewed: boolean;
};
export type NewSession = { token: string; session: Pick<Session, "id" | "userId" | "expiresAt"> };

function randomString(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

function hashSecret(secret: string): string {
  // node:crypto's native SHA-256: this runs on every authenticated request.
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Token format `<id>.<secret>`: the id addresses the row, only the secret's hash is stored. */
export async function createSession(
  db: DbOrTx,
  userId: string,
  meta: { ipAddress?: string | null; userAgent?: string | null } = {},
  now = new Date(),
): Promise<NewSession> {
  const id = randomString(15);
  const secret = randomString(25);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insert(sessions).values({
    id,
    secretHash: hashSecret(secret),
    userId,
    expiresAt,
    ipAddress: meta.ipAddress ?? null,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
  });
  return { token: `${id}.${secret}`, session: { id, userId, expiresAt } };
}

// Built once per db handle: drizzle skips rebuilding the SQL, and postgres.js runs a named
// statement (one round trip, planned once) instead of parse + describe on every request.
const sessionLookups = new WeakMap<DbOrTx, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: DbOrTx) {
  const membershipList = sql<SessionMembership[]>`coalesce((
    select json_agg(json_build_object(
      'tenantId', ${tenants.id}, 'slug', ${tenants.slug}, 'name', ${tenants.name},
      'status', ${tenants.status}, 'role', ${memberships.role}) order by ${tenants.name})
    from ${memberships} join ${tenants} on ${tenants.id} = ${memberships.tenantId}
    where ${memberships.userId} = ${users.id} and ${tenants.status} = 'active'), '[]'::json)`;
  return db
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      memberships: membershipList,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .limit(1)
    .prepare("session_lookup");
}

function sessionLookup(db: DbOrTx) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  return lookup;
}

/** One query: the session, its user and the user's memberships. */
export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  const [row] = await sessionLookup(db).execute({ id });
  if (!row) return null;
  const expected = Buffer.from(row.secretHash, "hex");
  const actual = Buffer.from(hashSecret(secret), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    renewed = true;
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
  }
  return {
    session: { id: row.id, userId: row.userId, expiresAt },
    user: { id: row.userId, email: row.email, name: row.name, isPlatformAdmin: row.isPlatformAdmin },
    memberships: row.memberships,
    renewed,
  };
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Revokes every session of the user, optionally sparing one (the caller's own). */
export async function invalidateUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    );
}
