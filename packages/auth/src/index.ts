export { readSessionToken, SESSION_COOKIE_NAME, serializeBlankSessionCookie, serializeSessionCookie } from "./cookie";
export { isTrustedRequestOrigin, type OriginCheckInput } from "./csrf";
export {
  getDecoyPasswordHash,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from "./password";
export {
  hitRateLimit,
  peekRateLimit,
  RATE_LIMITS,
  type RateLimitName,
  type RateLimitState,
  resetRateLimit,
} from "./rate-limit";
export {
  createSecretBox,
  generateSecretKey,
  keyIdOf,
  maskSecret,
  parseSecretKeys,
  type SecretBox,
  type SecretKey,
  SecretKeyError,
} from "./secrets";
export {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  type NewSession,
  SESSION_LIFETIME_MS,
  type SessionMembership,
  type SessionUser,
  type ValidatedSession,
  validateSessionToken,
} from "./session";
