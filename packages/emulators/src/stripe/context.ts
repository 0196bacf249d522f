import type { Dispatcher } from "./dispatcher.ts";
import type { Clock } from "./ids.ts";
import type { Store } from "./store.ts";

export const API_VERSION = "2026-10-28.endive";

export type Emulator = {
  baseUrl: string;
  store: Store;
  clock: Clock;
  dispatcher: Dispatcher;
  log: (message: string) => void;
};
