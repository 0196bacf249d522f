import { trpc } from "../../lib/trpc";
import type { LiveClassList, LiveClassRow } from "../../lib/types";

// Viewer counts and statuses change during a class; a list every 15 s is cheap.
export const LIVE_POLL_MS = 15_000;

export function findClass(list: LiveClassList, id: string): LiveClassRow | undefined {
  return [...list.live, ...list.scheduled, ...list.past].find((candidate) => candidate.id === id);
}

/** One class, read from the console's list (which the list page shares), polled like it. */
export function useLiveClass(id: string) {
  const list = trpc.live.list.useQuery(undefined, { refetchInterval: LIVE_POLL_MS });
  return { list, liveClass: list.data ? findClass(list.data, id) : undefined };
}
