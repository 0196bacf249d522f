import { resolve } from "node:path";
import type { BillingEnvironment } from "@marquee/api";
import { createStripeEmulator, type StripeEmulator } from "@marquee/emulators/stripe";
import type { Env } from "./env";
import type { Logger } from "./logger";

export const STRIPE_EMULATOR_PREFIX = "/emulators/stripe";

/**
 * Where Stripe calls go. Production: Stripe itself (or STRIPE_API_BASE_URL). Embedded
 * mode (or STRIPE_EMULATOR=true): the emulator mounted in this server, called in-process;
 * its checkout and billing portal pages are served from our own origin.
 */
export function setUpStripe(env: Env, logger: Logger) {
  // Set once the app exists: in-process calls go through the same routes the browser uses.
  let appFetch: ((request: Request) => Response | Promise<Response>) | null = null;
  const emulator: StripeEmulator | null = env.stripeEmulator
    ? createStripeEmulator({
        baseUrl: `${env.publicUrl}${STRIPE_EMULATOR_PREFIX}`,
        dataDir: resolve(env.dataDir, "emulators", "stripe"),
        log: (message) => logger.warn({ component: "stripe-emulator" }, message),
        // Webhooks go to this very server: in-process, like the API calls.
        fetch: (input, init) => {
          if (!appFetch) return Promise.reject(new Error("the app is not ready yet"));
          return Promise.resolve(appFetch(new Request(input, init)));
        },
      })
    : null;

  const environment: BillingEnvironment = {
    stripe: emulator
      ? {
          apiBaseUrl: emulator.apiBaseUrl,
          fetch: (input, init) => {
            if (!appFetch) return Promise.reject(new Error("the app is not ready yet"));
            return Promise.resolve(appFetch(new Request(input, init)));
          },
        }
      : { apiBaseUrl: env.stripeApiBaseUrl },
    publicUrl: env.publicUrl,
    platformDefault: env.stripeDefault,
  };
  return {
    emulator,
    environment,
    attach(fetch: (request: Request) => Response | Promise<Response>) {
      appFetch = fetch;
    },
  };
}
