import { createHmac } from "node:crypto";
import { type Attempt, delivered, postWebhook, type RetryOptions, retryDelay } from "../shared/webhook-post.ts";
import { randomHex } from "./ids.ts";
import type { Timers } from "./timers.ts";

export type { RetryOptions } from "../shared/webhook-post.ts";

export type DeliveryKind = "video" | "live_input";

export type { Attempt } from "../shared/webhook-post.ts";

export type Delivery = {
  id: string;
  accountId: string;
  kind: DeliveryKind;
  /** Video uid or live input uid the event is about. */
  subject: string;
  url: string;
  body: string;
  attempts: Attempt[];
  state: "pending" | "delivered" | "failed";
  /** Set on re-deliveries and duplicates: the delivery this one repeats. */
  repeatOf: string | null;
};

type Send = Omit<Delivery, "id" | "attempts" | "state" | "repeatOf"> & {
  headers: (body: string) => Record<string, string>;
};

export type Dispatcher = {
  send: (event: Send, repeatOf?: string) => Delivery;
  redeliver: (deliveryId: string) => Delivery | undefined;
  list: (accountId?: string) => Delivery[];
  settings: { duplicate: boolean };
};

/** `Webhook-Signature: time=<unix>,sig1=<hex HMAC-SHA256 of "<time>.<raw body>">`, keyed with the secret string. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const sig = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `time=${unixSeconds},sig1=${sig}`;
}

export function createDispatcher(options: {
  retry: RetryOptions;
  duplicate: boolean;
  timers: Timers;
  now: () => Date;
  log: (message: string) => void;
}): Dispatcher {
  const deliveries: Delivery[] = [];
  const headersFor = new Map<string, Send["headers"]>();
  const settings = { duplicate: options.duplicate };

  const attempt = async (delivery: Delivery) => {
    const headers = headersFor.get(delivery.id);
    if (!headers) return;
    // Signed per attempt: the signature's time is the send time, as a receiver's tolerance check expects.
    const result = await postWebhook({
      send: fetch,
      url: delivery.url,
      body: delivery.body,
      headers: {
        "content-type": "application/json",
        "user-agent": "marquee-cloudflare-emulator",
        ...headers(delivery.body),
      },
      timeoutMs: options.retry.timeoutMs,
      at: options.now(),
    });
    delivery.attempts.push(result);
    if (delivered(result)) {
      delivery.state = "delivered";
      return;
    }
    if (delivery.attempts.length >= options.retry.attempts) {
      delivery.state = "failed";
      options.log(`webhook ${delivery.id} to ${delivery.url} failed after ${delivery.attempts.length} attempts`);
      return;
    }
    options.timers.after(retryDelay(options.retry, delivery.attempts.length), () => attempt(delivery));
  };

  const send: Dispatcher["send"] = (event, repeatOf) => {
    const { headers, ...rest } = event;
    const delivery: Delivery = {
      ...rest,
      id: randomHex(8),
      attempts: [],
      state: "pending",
      repeatOf: repeatOf ?? null,
    };
    deliveries.push(delivery);
    headersFor.set(delivery.id, headers);
    options.timers.after(0, () => attempt(delivery));
    return delivery;
  };

  return {
    settings,
    send(event) {
      const first = send(event);
      if (settings.duplicate) send(event, first.id);
      return first;
    },
    redeliver(deliveryId) {
      const original = deliveries.find((d) => d.id === deliveryId);
      const headers = headersFor.get(deliveryId);
      if (!original || !headers) return undefined;
      const { id, attempts, state, repeatOf, ...event } = original;
      return send({ ...event, headers }, id);
    },
    list: (accountId) => deliveries.filter((d) => !accountId || d.accountId === accountId),
  };
}
