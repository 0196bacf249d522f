import type { Db } from "@marquee/db";
import { createStripeEmulator, type StripeEmulator } from "@marquee/emulators/stripe";
import type { BillingEnvironment, StripeCredentials } from "../services/billing/environment";
import { handleStripeWebhook } from "../services/billing/webhook";
import { TEST_PUBLIC_URL } from "./cloudflare";

type Secrets = Parameters<typeof handleStripeWebhook>[0]["secrets"];

/** Our side of a test Stripe emulator: API calls in-process, return URLs on the test host. */
export function testBillingEnvironment(
  emulator: StripeEmulator,
  platformDefault: StripeCredentials | null = null,
): BillingEnvironment {
  return {
    stripe: {
      apiBaseUrl: emulator.apiBaseUrl,
      fetch: (input, init) => Promise.resolve(emulator.app.fetch(new Request(input, init))),
    },
    publicUrl: TEST_PUBLIC_URL,
    platformDefault,
  };
}

const cacheKey = Symbol.for("marquee.testStripe");
type Cached = { emulator: StripeEmulator; environment: BillingEnvironment; attach: (deps: WebhookDeps) => void };
type Cache = { [cacheKey]?: Cached };
type WebhookDeps = { db: Db; secrets: Secrets };

/**
 * One Stripe emulator per test worker. Its webhooks are delivered in-process to our
 * handler (as the server's route would call it), once `attach` has given it a database.
 */
export async function getTestStripe(): Promise<Cached> {
  const cache = globalThis as Cache;
  if (!cache[cacheKey]) {
    let deps: WebhookDeps | null = null;
    const emulator = createStripeEmulator({
      baseUrl: "http://stripe.test",
      webhookRetry: { attempts: 3, baseDelayMs: 20, timeoutMs: 5000 },
      log: () => {},
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const match = /^\/api\/webhooks\/stripe\/([^/]+)$/.exec(url.pathname);
        if (!deps || url.origin !== TEST_PUBLIC_URL || !match?.[1]) return new Response("no receiver", { status: 404 });
        const headers = new Headers(init?.headers);
        const outcome = await handleStripeWebhook(
          { ...deps, billing: environment, now: () => new Date() },
          { route: match[1], signatureHeader: headers.get("stripe-signature"), rawBody: String(init?.body ?? "") },
        );
        return Response.json(outcome, { status: outcome.status });
      },
    });
    const environment = testBillingEnvironment(emulator);
    cache[cacheKey] = {
      emulator,
      environment,
      attach: (next) => {
        deps = next;
      },
    };
  }
  return cache[cacheKey];
}
