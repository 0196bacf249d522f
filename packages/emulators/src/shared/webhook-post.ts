/** One delivery attempt of a webhook, as the emulators record it. */
export type Attempt = { at: string; status: number | null; error: string | null };

export type RetryOptions = { attempts: number; baseDelayMs: number; timeoutMs: number };

/**
 * POSTs a webhook body once and records how it went: the status, or the network error.
 * The response body is discarded; only the status matters to a sender.
 */
export async function postWebhook(input: {
  send: typeof fetch;
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  at: Date;
}): Promise<Attempt> {
  const record: Attempt = { at: input.at.toISOString(), status: null, error: null };
  try {
    const response = await input.send(input.url, {
      method: "POST",
      headers: input.headers,
      body: input.body,
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    record.status = response.status;
    await response.body?.cancel();
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
  }
  return record;
}

export const delivered = (attempt: Attempt) => attempt.status !== null && attempt.status >= 200 && attempt.status < 300;

/** Exponential backoff: the first retry waits the base delay, each next one twice as long. */
export const retryDelay = (retry: RetryOptions, attemptsSoFar: number) => retry.baseDelayMs * 2 ** (attemptsSoFar - 1);
