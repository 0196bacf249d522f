import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Account, Collections, Kind, State } from "./types.ts";

export type Store = {
  state: State;
  account: (id: string) => Account | undefined;
  accountByKey: (secretKey: string) => Account | undefined;
  /** The record of that kind with that id, only if it belongs to the account. */
  find: <K extends Kind>(kind: K, accountId: string, id: string) => Collections[K][number] | undefined;
  /** Marks the state dirty; with persistence on, it is written shortly after (coalesced). */
  changed: () => void;
  flush: () => Promise<void>;
};

const emptyState = (): State => ({
  clockOffsetSeconds: 0,
  accounts: [],
  products: [],
  prices: [],
  customers: [],
  checkoutSessions: [],
  subscriptions: [],
  invoices: [],
  paymentIntents: [],
  portalSessions: [],
  webhookEndpoints: [],
  events: [],
});

export function createStore(dataDir: string | undefined): Store {
  const statePath = dataDir ? join(dataDir, "state.json") : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Spread over the empty state so a file written by an older emulator gains new collections.
  const state: State =
    statePath && existsSync(statePath)
      ? { ...emptyState(), ...(JSON.parse(readFileSync(statePath, "utf8")) as Partial<State>) }
      : emptyState();

  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const write = (path: string) => {
    timer = null;
    // Write-then-rename so a crash mid-write never leaves a truncated state file.
    writing = writing.then(async () => {
      await writeFile(`${path}.tmp`, JSON.stringify(state));
      await rename(`${path}.tmp`, path);
    });
    return writing;
  };

  return {
    state,
    account: (id) => state.accounts.find((a) => a.id === id),
    accountByKey: (secretKey) => state.accounts.find((a) => a.secretKeys.includes(secretKey)),
    find(kind, accountId, id) {
      const records: Collections[typeof kind] = state[kind];
      return records.find((record) => record.id === id && record.accountId === accountId);
    },
    changed() {
      if (!statePath || timer) return;
      timer = setTimeout(() => write(statePath), 50);
    },
    async flush() {
      if (!statePath) return;
      if (timer) clearTimeout(timer);
      await write(statePath);
    },
  };
}
