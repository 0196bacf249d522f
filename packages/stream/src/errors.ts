export type StreamErrorKind = "auth" | "not_found" | "rate_limited" | "unavailable" | "invalid" | "timeout";

export type StreamErrorOptions = {
  status?: number;
  codes?: number[];
  /** Cloudflare's own error messages, for logs; `message` is the one to show users. */
  details?: string[];
  retryAt?: Date;
  /** How long the server asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
};

/** The one error the adapter throws; `message` is written for the person using the console. */
export class StreamError extends Error {
  override readonly name = "StreamError";
  readonly kind: StreamErrorKind;
  readonly status: number | undefined;
  readonly codes: number[];
  readonly details: string[];
  readonly retryAt: Date | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: StreamErrorKind, message: string, options: StreamErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.codes = options.codes ?? [];
    this.details = options.details ?? [];
    this.retryAt = options.retryAt;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Worth another attempt after a pause: the request may succeed unchanged. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "unavailable" || this.kind === "timeout";
  }
}

export function isStreamError(error: unknown): error is StreamError {
  return error instanceof StreamError;
}

function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function rateLimitedError(retryAt: Date, now: number, options: StreamErrorOptions = {}): StreamError {
  return new StreamError(
    "rate_limited",
    `Cloudflare is limiting requests for this account; try again in ${describeWait(retryAt.getTime() - now)}`,
    { ...options, status: options.status ?? 429, retryAt },
  );
}

export function timeoutError(cause: unknown): StreamError {
  return new StreamError("timeout", "Cloudflare did not answer in time; try again in a minute", { cause });
}

/** For deletes: something already gone is what the caller wanted. */
export async function ignoreNotFound(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (error instanceof StreamError && error.kind === "not_found") return;
    throw error;
  }
}

/** Cloudflare answered 2xx without the fields it documents; treat it like an outage, not like success. */
export function unexpectedResponse(what: string): StreamError {
  return new StreamError("unavailable", `Cloudflare sent an unexpected answer (${what}); try again in a minute`);
}
