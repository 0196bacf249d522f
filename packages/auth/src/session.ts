import { type DbOrTx, type Session, sessions, type User, users } from "@marquee/db";
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, ne } from "drizzle-orm";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Extend the expiry once less than this is left, so an active user stays signed in. */
const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

export type SessionUser = Pick<User, "id" | "email" | "name" | "isPlatformAdmin">;
export type ValidatedSession = {
  session: Pick<Session, "id" | "userId" | "expiresAt">;
  user: SessionUser;
  /** True when the expiry moved and the cookie must be sent again. */
  renewed: boolean;
};
export type NewSession = { token: string; session: Pick<Session, "id" | "userId" | "expiresAt"> };

function randomString(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
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

export async function validateSessionToken(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<ValidatedSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  const [row] = await db
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  const expected = new TextEncoder().encode(row.secretHash);
  const actual = new TextEncoder().encode(hashSecret(secret));
  if (!constantTimeEqual(expected, actual)) return null;
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

/** Only the id part, for logs and for matching the presented token to a row. */
export function sessionIdFromToken(token: string): string | null {
  const [id, secret] = token.split(".");
  return id && secret ? id : null;
}
