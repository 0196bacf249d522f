import type { AccountPauses } from "./account-pauses";
import { toStreamError } from "./error-mapping";
import { rateLimitedError, type StreamError, timeoutError } from "./errors";
import { backoffDelay, type RetryPolicy } from "./retry";

/** What every SDK call receives: our deadline, and the SDK's own retries switched off (we retry here). */
export type AttemptOptions = { signal: AbortSignal; maxRetries: 0 };

export type Attempt<T> = (options: AttemptOptions) => PromiseLike<T>;

export type CallRunnerConfig = {
  /** Which account a 429 pauses (see account-pauses). */
  pauseKey: string;
  pauses: AccountPauses;
  policy: RetryPolicy;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random?: () => number;
};

export type CallRunner = <T>(attempt: Attempt<T>) => Promise<T>;

async function attemptOnce<T>(attempt: Attempt<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    // Awaiting here keeps the deadline running while the body is read and parsed, not just until headers.
    return await attempt({ signal: controller.signal, maxRetries: 0 });
  } catch (error) {
    if (timedOut) throw timeoutError(error);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one logical call: fails fast while the account is paused, times out each attempt, and retries
 * 429/5xx/network errors/timeouts with backoff, waiting out a short Retry-After. A Retry-After beyond
 * the budget (Cloudflare's 5-minute block) pauses the whole account instead of retrying into it.
 */
export function createCallRunner(config: CallRunnerConfig): CallRunner {
  const { pauseKey, pauses, policy, timeoutMs, sleep, now, random } = config;

  return async function run<T>(attempt: Attempt<T>): Promise<T> {
    for (let attemptNo = 1; ; attemptNo++) {
      const pausedUntil = pauses.pausedUntil(pauseKey, now());
      if (pausedUntil !== undefined) throw rateLimitedError(new Date(pausedUntil), now());

      let error: StreamError;
      try {
        return await attemptOnce(attempt, timeoutMs);
      } catch (thrown) {
        const mapped = toStreamError(thrown, now());
        if (mapped === null) throw thrown;
        error = mapped;
      }

      if (!error.retryable) throw error;
      const askedWait = error.retryAfterMs;
      const outOfBudget =
        attemptNo >= policy.maxAttempts || (askedWait !== undefined && askedWait > policy.maxRetryAfterMs);
      if (outOfBudget) {
        if (error.kind === "rate_limited" && error.retryAt) pauses.pause(pauseKey, error.retryAt.getTime());
        throw error;
      }
      await sleep(askedWait ?? backoffDelay(attemptNo, policy, random));
    }
  };
}
