import { resolve } from "node:path";
import type { CloudflareEnvironment } from "@marquee/api";
import { type CloudflareEmulator, createCloudflareEmulator, customerDomainBase } from "@marquee/emulators";
import { customerDomainFor } from "@marquee/stream";
import type { Env } from "./env";
import type { Logger } from "./logger";

export const EMULATOR_PREFIX = "/emulators/cloudflare";

/**
 * Where Cloudflare calls go. Production: Cloudflare itself (or CLOUDFLARE_API_BASE_URL).
 * Embedded mode (or CLOUDFLARE_EMULATOR=true): the emulator mounted in this server, called
 * in-process so no socket is needed.
 */
export function setUpCloudflare(env: Env, logger: Logger) {
  const emulator: CloudflareEmulator | null = env.cloudflareEmulator
    ? createCloudflareEmulator({
        baseUrl: `${env.publicUrl}${EMULATOR_PREFIX}`,
        dataDir: resolve(env.dataDir, "emulators", "cloudflare"),
        log: (message) => logger.warn({ component: "cloudflare-emulator" }, message),
      })
    : null;
  // Set once the app exists: in-process calls go through the same routes the browser uses.
  let appFetch: ((request: Request) => Response | Promise<Response>) | null = null;
  const externalBase = env.cloudflareApiBaseUrl?.replace(/\/client\/v4$/, "");

  const environment: CloudflareEnvironment = {
    apiBaseUrl: emulator?.apiBaseUrl ?? env.cloudflareApiBaseUrl,
    customerDomainFor: emulator
      ? emulator.customerDomain
      : externalBase
        ? (code) => customerDomainBase(externalBase, code)
        : customerDomainFor,
    webhookUrlFor: (connectionId) => `${env.publicUrl}/api/webhooks/cloudflare/${connectionId}`,
    platformDefault: env.cloudflareDefault,
    prices: env.cloudflarePrices,
    fetch: emulator
      ? (input, init) => {
          if (!appFetch) throw new Error("the app is not ready yet");
          return Promise.resolve(appFetch(new Request(input, init)));
        }
      : undefined,
  };
  return {
    emulator,
    environment,
    attach(fetch: (request: Request) => Response | Promise<Response>) {
      appFetch = fetch;
    },
  };
}
