import { type CloudflareEmulator, createCloudflareEmulator } from "@marquee/emulators";
import type { CloudflareCredentials, CloudflareEnvironment } from "../services/cloudflare/environment";

export const TEST_PUBLIC_URL = "http://marquee.test";

/** Our side of a test emulator: in-process calls, webhook URLs on a host nobody listens on. */
export function testCloudflareEnvironment(
  emulator: CloudflareEmulator,
  platformDefault: CloudflareCredentials | null = null,
): CloudflareEnvironment {
  return {
    apiBaseUrl: emulator.apiBaseUrl,
    customerDomainFor: emulator.customerDomain,
    webhookUrlFor: (connectionId) => `${TEST_PUBLIC_URL}/api/webhooks/cloudflare/${connectionId}`,
    platformDefault,
    fetch: (input, init) => Promise.resolve(emulator.app.fetch(new Request(input, init))),
  };
}

const cacheKey = Symbol.for("marquee.testCloudflare");
type Cached = { emulator: CloudflareEmulator; environment: CloudflareEnvironment };
type Cache = { [cacheKey]?: Cached };

/** One emulator per test worker (fast processing, no retries worth waiting for). */
export async function getTestCloudflare(): Promise<Cached> {
  const cache = globalThis as Cache;
  if (!cache[cacheKey]) {
    const emulator = createCloudflareEmulator({
      baseUrl: "http://cloudflare.test",
      processing: { stepMs: 10 },
      webhookRetry: { attempts: 1, baseDelayMs: 10, timeoutMs: 500 },
      log: () => {},
    });
    cache[cacheKey] = { emulator, environment: testCloudflareEnvironment(emulator) };
  }
  return cache[cacheKey];
}
