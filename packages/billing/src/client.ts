import Stripe from "stripe";

/** How this deployment reaches Stripe (or the emulator standing in for it). */
export type StripeEnvironment = {
  /**
   * Undefined means Stripe itself. Otherwise the base URL the API lives under, without
   * `/v1` (the emulator: `http://localhost:3000/emulators/stripe`).
   */
  apiBaseUrl?: string;
  /** Embedded mode answers through the in-process emulator instead of the network. */
  fetch?: typeof globalThis.fetch;
};

const clients = new Map<string, Stripe>();
const MAX_CACHED_CLIENTS = 500;

/**
 * A Stripe client for one secret key. Clients are cached per key: each holds its own
 * keep-alive agent, and tenants use theirs on every checkout and webhook.
 */
export function stripeClient(secretKey: string, env: StripeEnvironment): Stripe {
  const cacheKey = `${env.apiBaseUrl ?? ""}\u0000${env.fetch ? "in-process" : "net"}\u0000${secretKey}`;
  const cached = clients.get(cacheKey);
  if (cached) return cached;
  const client = new Stripe(secretKey, {
    ...connectionOptions(env),
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
  });
  if (clients.size >= MAX_CACHED_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  clients.set(cacheKey, client);
  return client;
}

/**
 * The SDK knows a host, port and protocol but no base path, so a stand-in mounted under
 * a prefix is reached by rewriting each request URL onto the base URL.
 */
function connectionOptions(env: StripeEnvironment): Stripe.StripeConfig {
  if (!env.apiBaseUrl) return env.fetch ? { httpClient: Stripe.createFetchHttpClient(env.fetch) } : {};
  const base = new URL(env.apiBaseUrl.replace(/\/+$/, ""));
  const send = env.fetch ?? globalThis.fetch;
  const prefix = base.pathname === "/" ? "" : base.pathname;
  const rewrite: typeof globalThis.fetch = (input, init) => {
    const original = new URL(input instanceof Request ? input.url : String(input));
    const target = new URL(`${prefix}${original.pathname}${original.search}`, base.origin);
    return send(target, init);
  };
  return {
    protocol: base.protocol === "http:" ? "http" : "https",
    host: base.hostname,
    port: base.port || (base.protocol === "http:" ? 80 : 443),
    httpClient: Stripe.createFetchHttpClient(rewrite),
  };
}

export { Stripe };
