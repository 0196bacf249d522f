import type { SecretBox } from "@marquee/auth";
import { createStreamClient, isStreamError, type StreamClient } from "@marquee/stream";
import { AppError } from "../../errors";

export type CloudflareCredentials = { accountId: string; apiToken: string; customerCode: string };

/** How this deployment reaches Cloudflare (or the emulator standing in for it). */
export type CloudflareEnvironment = {
  /** Undefined means Cloudflare's own API. */
  apiBaseUrl: string | undefined;
  customerDomainFor: (customerCode: string) => string;
  /** Where Cloudflare should send Stream webhooks for a connection. */
  webhookUrlFor: (connectionId: string) => string;
  /** The platform's account for tenants without their own, from the environment. */
  platformDefault: CloudflareCredentials | null;
  /** Cloudflare Stream's prices in US dollars per 1,000 minutes, for cost estimates (list prices by default). */
  prices?: { storagePer1000Minutes: number; deliveryPer1000Minutes: number };
  /** Embedded mode answers through the in-process emulator instead of the network. */
  fetch?: typeof globalThis.fetch;
};

export type CloudflareDeps = { secrets: SecretBox; cloudflare: CloudflareEnvironment };

export function streamClient(env: CloudflareEnvironment, credentials: CloudflareCredentials): StreamClient {
  return createStreamClient({
    accountId: credentials.accountId,
    apiToken: credentials.apiToken,
    apiBaseUrl: env.apiBaseUrl,
    customerDomain: env.customerDomainFor(credentials.customerCode),
    fetch: env.fetch,
  });
}

/** Turns adapter failures into our error vocabulary; the adapter's messages are already user-facing. */
export function toAppError(error: unknown, field?: string): AppError | unknown {
  if (!isStreamError(error)) return error;
  const retryAfterSeconds = error.retryAt
    ? Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 1000))
    : undefined;
  switch (error.kind) {
    case "auth":
      return new AppError("BAD_REQUEST", error.message, { field, cause: error });
    case "not_found":
      return new AppError("NOT_FOUND", error.message, { cause: error });
    case "invalid":
      return new AppError("BAD_REQUEST", error.message, { cause: error });
    case "rate_limited":
      return new AppError("RATE_LIMITED", error.message, { retryAfterSeconds, cause: error });
    default:
      return new AppError("UNAVAILABLE", error.message, { cause: error });
  }
}

/** "Test connection": the token must be active and able to read this account's videos. */
export async function checkCredentials(client: StreamClient): Promise<void> {
  const token = await client.verifyToken();
  if (token.status !== "active") {
    throw new AppError(
      "BAD_REQUEST",
      `Cloudflare says this API token is ${token.status}. Create a new token and enter it here.`,
      {
        field: "apiToken",
      },
    );
  }
  await client.listVideos({ limit: 1 });
}
