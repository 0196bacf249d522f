import { APIError } from "cloudflare";
import { MAX_ACCOUNT_PAUSE_MS } from "./account-pauses";
import type { StreamContext } from "./context";
import { rateLimitedError, StreamError, unexpectedResponse } from "./errors";
import { parseRetryAfter } from "./retry";

/** GraphQL answers `{data, errors}`, not the v4 envelope; errors may come with HTTP 200 or with a 4xx/5xx. */
type GraphqlBody<T> = { data?: T | null; errors?: unknown };

export type GraphqlContext = StreamContext & { now: () => number };

export const ANALYTICS_PERMISSION_MESSAGE = "This API token cannot read analytics (it needs Account Analytics Read).";
const INVALID_TOKEN_MESSAGE =
  "Cloudflare rejected the API token for analytics: check it is valid and has Account Analytics Read permission";
// Without a Retry-After we still have to pick a moment; a minute keeps us well clear of the block.
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

function errorMessages(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: { message?: unknown } | null) =>
    typeof item?.message === "string" && item.message !== "" ? [item.message] : [],
  );
}

/** "rate limiter budget depleted, try again after 5 minutes": the wait, when only the message says it. */
function waitFromMessage(text: string): number | undefined {
  const match = /after (\d+) (second|minute)s?/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (match[2]?.toLowerCase() === "minute" ? 60_000 : 1000);
}

/**
 * Maps a GraphQL failure to our error kinds, from the HTTP status when there is one (Cloudflare's error docs list
 * one per kind) and otherwise from the messages, which is all a 200 carrying `errors` gives us.
 */
export function toGraphqlError(
  status: number,
  errors: unknown,
  headers: { get(name: string): string | null } | undefined,
  now: number,
): StreamError {
  const details = errorMessages(errors);
  const text = details.join("\n");
  const base = { status, details };

  if (status === 401 || /^unauthorized$/im.test(text)) return new StreamError("auth", INVALID_TOKEN_MESSAGE, base);
  if (status === 403 || /not authorized|does not have access|authorization denied/i.test(text)) {
    return new StreamError("auth", ANALYTICS_PERMISSION_MESSAGE, base);
  }
  if (status === 429 || /rate limit|too many nodes|excessive resources/i.test(text)) {
    const retryAfterMs = parseRetryAfter(headers, now) ?? waitFromMessage(text);
    const wait = Math.min(retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, MAX_ACCOUNT_PAUSE_MS);
    return rateLimitedError(new Date(now + wait), now, { ...base, status: 429, retryAfterMs });
  }
  if (status >= 500 || status === 408 || /try again later/i.test(text)) {
    return new StreamError("unavailable", "Cloudflare Analytics is not responding; try again in a minute", {
      ...base,
      retryAfterMs: parseRetryAfter(headers, now),
    });
  }
  const reason = details[0] ?? `HTTP ${status}`;
  return new StreamError("invalid", `Cloudflare refused the analytics query: ${reason}`, base);
}

/** POSTs to the account's GraphQL Analytics endpoint (`<api base>/graphql`) with the client's token. */
export async function queryGraphql<T>(ctx: GraphqlContext, query: string, variables: Record<string, unknown>) {
  const body = await ctx.run(async (options) => {
    let answer: GraphqlBody<T>;
    try {
      answer = await ctx.sdk.post<GraphqlBody<T>>("/graphql", { body: { query, variables }, ...options });
    } catch (error) {
      // Connection errors and timeouts carry no status: the runner maps those as for any call.
      if (error instanceof APIError && error.status !== undefined) {
        throw toGraphqlError(error.status, error.errors, error.headers, ctx.now());
      }
      throw error;
    }
    if (Array.isArray(answer.errors) && answer.errors.length > 0) {
      throw toGraphqlError(200, answer.errors, undefined, ctx.now());
    }
    return answer;
  });
  if (body.data === null || body.data === undefined) throw unexpectedResponse("analytics without data");
  return body.data;
}
