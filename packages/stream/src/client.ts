import Cloudflare from "cloudflare";
import { type AccountPauses, accountPauseKey, defaultAccountPauses } from "./account-pauses";
import { createCallRunner } from "./call-runner";
import type { StreamContext } from "./context";
import { StreamError } from "./errors";
import { accountOperations } from "./operations/account";
import { analyticsOperations } from "./operations/analytics";
import { captionOperations } from "./operations/captions";
import { keyOperations } from "./operations/keys";
import { liveInputOperations } from "./operations/live-inputs";
import { liveStatusOperations } from "./operations/live-status";
import { uploadOperations } from "./operations/uploads";
import { videoOperations } from "./operations/videos";
import { webhookSubscriptionOperations } from "./operations/webhook-subscription";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
import { normalizeCustomerDomain } from "./urls";

export const CLOUDFLARE_API_BASE_URL = "https://api.cloudflare.com/client/v4";

export type StreamClientConfig = {
  accountId: string;
  apiToken: string;
  /** Cloudflare's API by default; the emulator's base URL in development and tests. */
  apiBaseUrl?: string;
  /** The account's playback host, e.g. https://customer-<code>.cloudflarestream.com (see customerDomainFor). */
  customerDomain: string;
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Defaults to one registry per process, shared by all clients. */
  accountPauses?: AccountPauses;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
};

export const DEFAULT_TIMEOUT_MS = 15_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One tenant's Stream account. Building one takes ~0.5 ms (the SDK's resource tree): cache it per tenant. */
export function createStreamClient(config: StreamClientConfig) {
  if (!config.accountId || !config.apiToken) {
    throw new StreamError("auth", "Cloudflare is not set up: enter the account ID and an API token");
  }
  const apiBaseUrl = (config.apiBaseUrl ?? CLOUDFLARE_API_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sdk = new Cloudflare({
    apiToken: config.apiToken,
    // Explicit nulls: otherwise the SDK picks up CLOUDFLARE_API_KEY & co. from the environment.
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    baseURL: apiBaseUrl,
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: "off",
    fetch: config.fetch,
  });
  const now = config.now ?? Date.now;
  const runnerFor = (pauseKey: string) =>
    createCallRunner({
      pauseKey,
      pauses: config.accountPauses ?? defaultAccountPauses,
      policy: { ...DEFAULT_RETRY_POLICY, ...config.retry },
      timeoutMs,
      sleep: config.sleep ?? realSleep,
      now,
      random: config.random,
    });
  const run = runnerFor(accountPauseKey(apiBaseUrl, config.accountId));
  const ctx: StreamContext = { sdk, accountId: config.accountId, run };
  // GraphQL has its own budget (cost-based, 320 per 5 minutes): running out of it must not pause Stream calls.
  const runAnalytics = runnerFor(accountPauseKey(`${apiBaseUrl}/graphql`, config.accountId));
  const customerDomain = normalizeCustomerDomain(config.customerDomain);

  return {
    accountId: config.accountId,
    customerDomain,
    ...accountOperations(ctx),
    ...analyticsOperations({ ...ctx, run: runAnalytics, now }),
    ...videoOperations(ctx),
    ...uploadOperations(ctx),
    ...captionOperations(ctx),
    ...keyOperations(ctx),
    ...webhookSubscriptionOperations(ctx),
    ...liveInputOperations(ctx),
    ...liveStatusOperations({ customerDomain, fetch: config.fetch ?? globalThis.fetch, timeoutMs }),
  };
}

export type StreamClient = ReturnType<typeof createStreamClient>;
