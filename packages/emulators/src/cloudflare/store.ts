import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Account, LiveInput, State, Video } from "./types.ts";

export type Paths = {
  root: string;
  tus: string;
  liveSource: string;
  video: (uid: string) => string;
};

export type Store = {
  state: State;
  paths: Paths;
  account: (id: string) => Account | undefined;
  accountByCustomerCode: (code: string) => Account | undefined;
  video: (accountId: string, uid: string) => Video | undefined;
  liveInput: (accountId: string, uid: string) => LiveInput | undefined;
  /** Marks the state dirty; with persistence on, it is written shortly after (coalesced). */
  changed: () => void;
  flush: () => Promise<void>;
};

export function createStore(root: string, persist: boolean): Store {
  const paths: Paths = {
    root,
    tus: join(root, "tus"),
    liveSource: join(root, "live-source"),
    video: (uid) => join(root, "videos", uid),
  };
  for (const dir of [paths.tus, join(root, "videos")]) mkdirSync(dir, { recursive: true });
  const statePath = join(root, "state.json");
  const state: State =
    persist && existsSync(statePath)
      ? (JSON.parse(readFileSync(statePath, "utf8")) as State)
      : { accounts: [], videos: [], liveInputs: [], minutesDelivered: {} };
  // State files written before analytics existed have no ledger.
  state.minutesDelivered ??= {};

  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    timer = null;
    // Write-then-rename so a crash mid-write never leaves a truncated state file.
    writing = writing.then(async () => {
      const temp = `${statePath}.tmp`;
      await writeFile(temp, JSON.stringify(state));
      await rename(temp, statePath);
    });
    return writing;
  };

  return {
    state,
    paths,
    account: (id) => state.accounts.find((a) => a.id === id),
    accountByCustomerCode: (code) => state.accounts.find((a) => a.customerCode === code),
    video: (accountId, uid) => state.videos.find((v) => v.uid === uid && v.accountId === accountId),
    liveInput: (accountId, uid) => state.liveInputs.find((l) => l.uid === uid && l.accountId === accountId),
    changed() {
      if (!persist || timer) return;
      timer = setTimeout(write, 50);
    },
    async flush() {
      if (!persist) return;
      if (timer) clearTimeout(timer);
      await write();
    },
  };
}
