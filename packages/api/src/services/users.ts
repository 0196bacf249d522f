import {
  createSession,
  getDecoyPasswordHash,
  hashPassword,
  hitRateLimit,
  invalidateSession,
  invalidateUserSessions,
  type NewSession,
  peekRateLimit,
  resetRateLimit,
  verifyPassword,
} from "@marquee/auth";
import { type DbOrTx, memberships, tenants, users } from "@marquee/db";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError, isUniqueViolation } from "../errors";
import type { changePasswordInput, signInInput, signUpInput } from "../validators";

export type RequestMeta = { clientIp: string | null; userAgent: string | null; now: Date };
type Deps = { db: DbOrTx } & RequestMeta;

export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isPlatformAdmin: users.isPlatformAdmin,
};

export async function signUp(deps: Deps, input: z.output<typeof signUpInput>) {
  const limit = await hitRateLimit(deps.db, "auth.signUp", deps.clientIp ?? "unknown", deps.now);
  if (!limit.allowed) {
    throw new AppError("RATE_LIMITED", "Too many accounts created from this address. Please try again later.", {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .returning(publicUserColumns);
      if (!user) throw new AppError("INTERNAL", "Could not create the account.");
      const session = await createSession(tx, user.id, deps, deps.now);
      return { user, session };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { field: "email" });
    }
    throw error;
  }
}

/**
 * Checks the password and opens a new session. Failed attempts are counted per account
 * (and all attempts per address); the presented session, if any, is replaced.
 */
export async function signIn(deps: Deps, input: z.output<typeof signInInput>, previousSessionId: string | null) {
  const accountLimit = await peekRateLimit(deps.db, "auth.signIn", input.email, deps.now);
  const addressLimit = await hitRateLimit(deps.db, "auth.signIn.ip", deps.clientIp ?? "unknown", deps.now);
  const blocked = !accountLimit.allowed ? accountLimit : !addressLimit.allowed ? addressLimit : null;
  if (blocked) {
    throw new AppError("RATE_LIMITED", "Too many sign-in attempts. Please wait a moment and try again.", {
      retryAfterSeconds: blocked.retryAfterSeconds,
    });
  }
  const [user] = await deps.db
    .select({ ...publicUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await getDecoyPasswordHash()), input.password);
  if (!user || !valid) {
    await hitRateLimit(deps.db, "auth.signIn", input.email, deps.now);
    throw new AppError("UNAUTHORIZED", "The email or password is incorrect.");
  }
  await resetRateLimit(deps.db, "auth.signIn", input.email);
  if (previousSessionId) await invalidateSession(deps.db, previousSessionId);
  const session = await createSession(deps.db, user.id, deps, deps.now);
  const { passwordHash: _hash, ...publicUser } = user;
  return { user: publicUser, session };
}

/** Changes the password and revokes every session, then opens a fresh one for this browser. */
export async function changePassword(
  deps: Deps,
  userId: string,
  input: z.output<typeof changePasswordInput>,
): Promise<NewSession> {
  const [user] = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw new AppError("UNAUTHORIZED", "Please sign in to continue.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "Your current password is not correct.", { field: "currentPassword" });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("BAD_REQUEST", "Choose a password different from the current one.", { field: "newPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.update(users).set({ passwordHash, updatedAt: deps.now }).where(eq(users.id, userId));
  await invalidateUserSessions(deps.db, userId);
  return createSession(deps.db, userId, deps, deps.now);
}

/** The tenants a user belongs to, with their role, for the apps' navigation. */
export async function listUserMemberships(db: DbOrTx, userId: string) {
  return db
    .select({
      tenantId: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      status: tenants.status,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), eq(tenants.status, "active")))
    .orderBy(asc(tenants.name));
}

/**
 * Makes the account a platform admin, creating it when `newPasswordHash` is given.
 * Returns what happened, or null when the account is missing and no hash was given.
 */
export async function ensurePlatformAdmin(db: DbOrTx, email: string, newPasswordHash?: string) {
  const promoted = await db
    .update(users)
    .set({ isPlatformAdmin: true })
    .where(eq(sql`lower(${users.email})`, email))
    .returning({ id: users.id });
  if (promoted.length > 0) return "promoted" as const;
  if (!newPasswordHash) return null;
  await db
    .insert(users)
    .values({ email, name: email.split("@")[0] ?? email, passwordHash: newPasswordHash, isPlatformAdmin: true });
  return "created" as const;
}
