import { errorCode } from "@marquee/ui/trpc";
import { trpc } from "../../lib/trpc";
import type { LiveClassList, LiveClassRow } from "../../lib/types";

// Viewer counts and statuses change during a class; a refresh every 15 s is cheap.
export const LIVE_POLL_MS = 15_000;

type Utils = ReturnType<typeof trpc.useUtils>;

function findClass(list: LiveClassList | undefined, id: string): LiveClassRow | undefined {
  if (!list) return undefined;
  return [...list.live, ...list.scheduled, ...list.past].find((candidate) => candidate.id === id);
}

/**
 * One class. Opened from the list, the list's copy shows at once while the class itself
 * loads; `poll` keeps it fresh during a class.
 */
export function useLiveClass(id: string, { poll = false }: { poll?: boolean } = {}) {
  const utils = trpc.useUtils();
  const query = trpc.live.byId.useQuery(
    { id },
    {
      refetchInterval: poll ? LIVE_POLL_MS : false,
      placeholderData: () => findClass(utils.live.list.getData(), id),
    },
  );
  // A failed refresh keeps the class on screen; a class that is no longer the viewer's does not stay.
  const gone = errorCode(query.error) === "NOT_FOUND";
  return { query, liveClass: gone ? undefined : query.data };
}

/** After a change to a class: the lists it appears in and its own page. */
export function invalidateClass(utils: Utils, id: string) {
  return Promise.all([utils.live.list.invalidate(), utils.live.byId.invalidate({ id })]);
}
