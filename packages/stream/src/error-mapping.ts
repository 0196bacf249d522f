import { APIConnectionError, APIConnectionTimeoutError, APIError } from "cloudflare";
import { MAX_ACCOUNT_PAUSE_MS } from "./account-pauses";
import { rateLimitedError, StreamError, timeoutError } from "./errors";
import { parseRetryAfter } from "./retry";

const AUTH_MESSAGE = "Cloudflare rejected the API token: check it has Stream Read and Edit permission for this account";

// Without a Retry-After we still have to pick a moment; a minute keeps us well clear of the block.
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

function readErrorItems(error: APIError): { codes: number[]; details: string[] } {
  const codes: number[] = [];
  const details: string[] = [];
  // Typed as the envelope's `errors`, but a proxy or a bare 502 page can put anything there.
  for (const item of Array.isArray(error.errors) ? error.errors : []) {
    if (typeof item.code === "number") codes.push(item.code);
    if (typeof item.message === "string" && item.message !== "") details.push(item.message);
  }
  return { codes, details };
}

/**
 * Turns what the SDK threw into a StreamError with a message a tenant admin can act on;
 * null for anything else (a bug of ours must surface as itself, not as "Cloudflare is down").
 */
export function toStreamError(error: unknown, now: number): StreamError | null {
  if (error instanceof StreamError) return error;
  if (error instanceof APIConnectionTimeoutError) return timeoutError(error);
  if (error instanceof APIConnectionError) {
    return new StreamError("unavailable", "Cloudflare could not be reached; try again in a minute", { cause: error });
  }
  if (!(error instanceof APIError) || error.status === undefined) return null;

  const status = error.status;
  const { codes, details } = readErrorItems(error);
  const base = { status, codes, details, cause: error };

  if (status === 429) {
    const retryAfterMs = parseRetryAfter(error.headers, now);
    const retryAt = new Date(now + Math.min(retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, MAX_ACCOUNT_PAUSE_MS));
    return rateLimitedError(retryAt, now, { ...base, retryAfterMs });
  }
  if (status >= 500 || status === 408) {
    const retryAfterMs = parseRetryAfter(error.headers, now);
    return new StreamError("unavailable", "Cloudflare is not responding; try again in a minute", {
      ...base,
      retryAfterMs,
    });
  }
  if (status === 401 || status === 403) return new StreamError("auth", AUTH_MESSAGE, base);
  // Cloudflare answers some wrong-account requests with 400 + 10000 "Authentication error".
  if (codes.includes(10000) || codes.includes(1000)) return new StreamError("auth", AUTH_MESSAGE, base);
  if (status === 404) {
    return new StreamError("not_found", "Cloudflare has no such item; it may have been deleted", base);
  }
  const reason = details[0] ?? `HTTP ${status}`;
  return new StreamError("invalid", `Cloudflare refused the request: ${reason}`, base);
}
