import { type Attempt, delivered, postWebhook, type RetryOptions, retryDelay } from "../shared/webhook-post.ts";
import { newId } from "./ids.ts";
import { signStripePayload } from "./signing.ts";
import type { Timers } from "./timers.ts";

export type { Attempt, RetryOptions } from "../shared/webhook-post.ts";

export type StripeDelivery = {
  id: string;
  accountId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  url: string;
  body: string;
  attempts: Attempt[];
  state: "pending" | "delivered" | "failed";
};

export type DeliveryTarget = Omit<StripeDelivery, "id" | "attempts" | "state">;

export type Dispatcher = ReturnType<typeof createDispatcher>;

export function createDispatcher(options: {
  retry: RetryOptions;
  duplicate: boolean;
  timers: Timers;
  fetch: typeof fetch;
  now: () => Date;
  /** The endpoint's current secret, read per attempt; undefined once the endpoint is deleted. */
  secretFor: (endpointId: string) => string | undefined;
  log: (message: string) => void;
}) {
  const deliveries: StripeDelivery[] = [];
  const firstAttempts = new Map<string, Promise<void>>();
  const paused: StripeDelivery[] = [];
  const settings = { duplicate: options.duplicate, paused: false };
  // In-flight attempts plus retries waiting for their timer: `settled()` waits for this to reach zero.
  let busy = 0;
  let idle: (() => void)[] = [];
  const release = () => {
    busy -= 1;
    if (busy > 0) return;
    for (const resolve of idle) resolve();
    idle = [];
  };

  const attempt = async (delivery: StripeDelivery) => {
    const secret = options.secretFor(delivery.endpointId);
    const record: Attempt = { at: options.now().toISOString(), status: null, error: null };
    if (secret === undefined) {
      record.error = "webhook endpoint deleted";
      delivery.attempts.push(record);
      delivery.state = "failed";
      return;
    }
    // Signed per attempt with the emulator's time, as a receiver's tolerance check expects.
    const now = options.now();
    const result = await postWebhook({
      send: options.fetch,
      url: delivery.url,
      body: delivery.body,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": signStripePayload(secret, delivery.body, Math.floor(now.getTime() / 1000)),
      },
      timeoutMs: options.retry.timeoutMs,
      at: now,
    });
    delivery.attempts.push(result);
    if (delivered(result)) {
      delivery.state = "delivered";
    } else if (delivery.attempts.length >= options.retry.attempts) {
      delivery.state = "failed";
      options.log(`webhook ${delivery.eventType} to ${delivery.url} failed after ${delivery.attempts.length} attempts`);
    } else {
      busy += 1;
      options.timers.after(retryDelay(options.retry, delivery.attempts.length), () => {
        // Start the retry before releasing the wait, so `settled()` never sees a gap between the two.
        const retried = run(delivery);
        release();
        return retried;
      });
    }
  };

  const run = async (delivery: StripeDelivery) => {
    if (settings.paused) {
      paused.push(delivery);
      return;
    }
    busy += 1;
    try {
      await attempt(delivery);
    } finally {
      release();
    }
  };

  const create = (target: DeliveryTarget) => {
    const delivery: StripeDelivery = { ...target, id: newId("whdel"), attempts: [], state: "pending" };
    deliveries.push(delivery);
    firstAttempts.set(delivery.id, run(delivery));
    return delivery;
  };

  return {
    settings,
    send(target: DeliveryTarget): StripeDelivery[] {
      const first = create(target);
      return settings.duplicate ? [first, create(target)] : [first];
    },
    redeliver(deliveryId: string) {
      const original = deliveries.find((d) => d.id === deliveryId);
      if (!original) return undefined;
      const { id, attempts, state, ...target } = original;
      return create(target);
    },
    list: (accountId?: string) => deliveries.filter((d) => !accountId || d.accountId === accountId),
    count: () => deliveries.length,
    /** Resolves once every delivery created since `count()` was `from` had its first attempt (or was queued). */
    async firstAttemptsSince(from: number) {
      await Promise.all(deliveries.slice(from).map((d) => firstAttempts.get(d.id)));
    },
    pause() {
      settings.paused = true;
    },
    resume() {
      settings.paused = false;
      const queued = paused.splice(0).sort((a, b) => deliveries.indexOf(a) - deliveries.indexOf(b));
      for (const delivery of queued) void run(delivery);
    },
    settled: () => (busy === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    close() {
      busy = 0;
      for (const resolve of idle) resolve();
      idle = [];
    },
  };
}
