import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";

export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  /** A provider we depend on (Cloudflare, Stripe) failed or did not answer. */
  | "UNAVAILABLE"
  | "INTERNAL";

export type AppErrorOptions = {
  /** The input field the message belongs to, so forms can show it beside that field. */
  field?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
};

/**
 * The one error vocabulary of our services. The message is written for the user;
 * the tRPC layer maps the code to a status, webhooks and cron read it as they like.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

const TRPC_CODES: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "BAD_GATEWAY",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODES[error.code], message: error.message, cause: error });
}

/** Postgres unique_violation, from postgres.js or PGlite (possibly wrapped by drizzle). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === "object" && current !== null && "code" in current && current.code === "23505") {
      if (!constraint) return true;
      const name =
        "constraint_name" in current
          ? current.constraint_name
          : "constraint" in current
            ? current.constraint
            : undefined;
      return name === constraint;
    }
    current = typeof current === "object" && current !== null && "cause" in current ? current.cause : undefined;
  }
  return false;
}
