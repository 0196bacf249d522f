import { type DbOrTx, rateLimits } from "@marquee/db";
import { eq, sql } from "drizzle-orm";

export type RateLimitRule = { limit: number; windowMs: number };

/** Named limits, one place to read and tune them. */
export const RATE_LIMITS = {
  /** Failed sign-ins per account: the 11th within a minute is refused. */
  "auth.signIn": { limit: 10, windowMs: 60_000 },
  /** Sign-in attempts per client address, against password spraying across accounts. */
  "auth.signIn.ip": { limit: 100, windowMs: 60_000 },
  /** Accounts created per client address. */
  "auth.signUp": { limit: 20, windowMs: 10 * 60_000 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitState = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function keyFor(name: RateLimitName, subject: string) {
  return `${name}:${subject}`;
}

function retryAfter(windowStart: Date, rule: RateLimitRule, now: Date): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000));
}

/** Reads the counter without counting: for limits that count only failures. */
export async function peekRateLimit(db: DbOrTx, name: RateLimitName, subject: string, now = new Date()) {
  const rule = RATE_LIMITS[name];
  const [row] = await db
    .select()
    .from(rateLimits)
    .where(eq(rateLimits.key, keyFor(name, subject)))
    .limit(1);
  if (!row || row.windowStart.getTime() + rule.windowMs <= now.getTime() || row.hits < rule.limit) {
    return { allowed: true } satisfies RateLimitState;
  }
  return { allowed: false, retryAfterSeconds: retryAfter(row.windowStart, rule, now) } satisfies RateLimitState;
}

/**
 * Counts one hit in a fixed window, atomically (one upsert, safe across replicas),
 * and says whether the hit is within the limit.
 */
export async function hitRateLimit(
  db: DbOrTx,
  name: RateLimitName,
  subject: string,
  now = new Date(),
): Promise<RateLimitState> {
  const rule = RATE_LIMITS[name];
  const windowOpenSince = new Date(now.getTime() - rule.windowMs);
  // Raw sql params bypass the column's Date mapping, so pass ISO strings with a cast.
  const expired = sql`${rateLimits.windowStart} <= ${windowOpenSince.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: keyFor(name, subject), windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStart: rateLimits.windowStart });
  if (!row || row.hits <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfter(row.windowStart, rule, now) };
}

export async function resetRateLimit(db: DbOrTx, name: RateLimitName, subject: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, keyFor(name, subject)));
}
