import type { Hono } from "hono";
import { type AccountInfo, type CreateAccountOptions, createAccount } from "./accounts.ts";
import { createApp } from "./app.ts";
import { payOpenInvoice } from "./billing/renewals.ts";
import { runDue } from "./billing/schedule.ts";
import type { Emulator } from "./context.ts";
import { createDispatcher, type RetryOptions, type StripeDelivery } from "./dispatcher.ts";
import { eventView } from "./events.ts";
import { createClock } from "./ids.ts";
import { createStore } from "./store.ts";
import { createTimers } from "./timers.ts";
import type { StripeEvent } from "./types.ts";
import { controlBaseUrl } from "./urls.ts";

export type StripeEmulatorOptions = {
  /** Public URL of the mount, e.g. `http://localhost:3000/emulators/stripe`; the API is `${baseUrl}/v1/...`. */
  baseUrl: string;
  /** Persist state to `<dataDir>/state.json`; without it everything lives in memory. */
  dataDir?: string;
  /** Webhook retries: attempts in all (default 8), first retry delay doubling each time (default 2000 ms). */
  webhookRetry?: Partial<RetryOptions>;
  /** Deliver every event twice, to exercise receivers' idempotency. */
  duplicateWebhooks?: boolean;
  /** Base wall clock; the emulator's time is `now()` plus what `clock.advance` added. */
  now?: () => Date;
  /** Used for webhook deliveries. */
  fetch?: typeof fetch;
  log?: (message: string) => void;
};

/** What the control API drives; also the emulator's own `clock.advance` and `subscriptions.payOpenInvoice`. */
export type StripeEmulatorControls = {
  advance: (seconds: number) => Promise<void>;
  payOpenInvoice: (subscriptionId: string) => Promise<void>;
};

// Real time passes too: periods that end while nobody advances the clock renew on this beat.
const DUE_CHECK_MS = 30_000;

export function createStripeEmulator(options: StripeEmulatorOptions) {
  const log = options.log ?? ((message: string) => console.warn(`[stripe-emulator] ${message}`));
  const store = createStore(options.dataDir);
  const clock = createClock(options.now ?? (() => new Date()), () => store.state.clockOffsetSeconds);
  const timers = createTimers((error) =>
    log(`background job failed: ${error instanceof Error ? error.stack : String(error)}`),
  );
  const dispatcher = createDispatcher({
    retry: { attempts: 8, baseDelayMs: 2000, timeoutMs: 10_000, ...options.webhookRetry },
    duplicate: options.duplicateWebhooks ?? false,
    timers,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: clock.now,
    secretFor: (endpointId) => store.state.webhookEndpoints.find((e) => e.id === endpointId)?.secret,
    log,
  });
  const emu: Emulator = { baseUrl: options.baseUrl.replace(/\/+$/, ""), store, clock, dispatcher, log };

  /** Runs `work`, then waits until the deliveries it caused had their first attempt. */
  const delivered = async (work: () => void) => {
    const from = dispatcher.count();
    work();
    await dispatcher.firstAttemptsSince(from);
  };
  const subscription = (id: string) => {
    const found = store.state.subscriptions.find((s) => s.id === id);
    if (!found) throw new Error(`No such subscription: '${id}'`);
    return found;
  };
  const controls: StripeEmulatorControls = {
    advance: (seconds) =>
      delivered(() => {
        if (!Number.isFinite(seconds) || seconds < 0) throw new Error("seconds must be 0 or more");
        store.state.clockOffsetSeconds += seconds;
        store.changed();
        runDue(emu, clock.unix());
      }),
    payOpenInvoice: (subscriptionId) => delivered(() => payOpenInvoice(emu, subscription(subscriptionId))),
  };
  timers.every(DUE_CHECK_MS, () => runDue(emu, clock.unix()));

  const app: Hono = createApp(emu, controls);
  return {
    app,
    baseUrl: emu.baseUrl,
    /** The SDK appends `/v1` itself, so this is the base URL. */
    apiBaseUrl: emu.baseUrl,
    controlBaseUrl: controlBaseUrl(emu.baseUrl),
    createAccount: async (accountOptions?: CreateAccountOptions): Promise<AccountInfo> =>
      createAccount(emu, accountOptions),
    accounts: () =>
      store.state.accounts.map((a) => ({
        accountId: a.id,
        secretKey: a.secretKeys[0] ?? "",
        publishableKey: a.publishableKey,
        displayName: a.displayName,
      })),
    clock: { now: clock.now, advance: controls.advance },
    subscriptions: {
      failNextRenewal(subscriptionId: string) {
        subscription(subscriptionId).failNextRenewal = true;
        store.changed();
      },
      payOpenInvoice: controls.payOpenInvoice,
    },
    webhooks: {
      deliveries: (accountId?: string): StripeDelivery[] => dispatcher.list(accountId),
      pause: () => dispatcher.pause(),
      resume: () => dispatcher.resume(),
      redeliver: (deliveryId: string) => dispatcher.redeliver(deliveryId),
      setDuplicate(on: boolean) {
        dispatcher.settings.duplicate = on;
      },
      settled: () => dispatcher.settled(),
    },
    /** Every event, oldest first, as `/v1/events` shows it. */
    events: (accountId?: string): StripeEvent[] =>
      store.state.events.filter((e) => !accountId || e.accountId === accountId).map((e) => eventView(emu, e.event)),
    flush: () => store.flush(),
    async close() {
      timers.close();
      dispatcher.close();
      await store.flush();
    },
  };
}

export type StripeEmulator = ReturnType<typeof createStripeEmulator>;
export type {
  AccountInfo as StripeAccountInfo,
  CreateAccountOptions as StripeCreateAccountOptions,
} from "./accounts.ts";
export type { Attempt as StripeDeliveryAttempt, StripeDelivery } from "./dispatcher.ts";
export { signStripePayload } from "./signing.ts";
export type { StripeEvent } from "./types.ts";
