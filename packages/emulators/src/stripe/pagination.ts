import { noSuch } from "./errors.ts";
import type { Params } from "./params.ts";

export type ApiList<T> = { object: "list"; data: T[]; has_more: boolean; url: string };

/**
 * One page of `records` (oldest first, as stored), newest first as Stripe lists them. `starting_after` pages toward
 * older objects, `ending_before` toward newer ones; the SDK's auto-pagination uses the last/first id of a page.
 */
export function paginate<R extends { id: string }, T>(
  records: R[],
  params: Params,
  url: string,
  kind: string,
  view: (record: R) => T,
): ApiList<T> {
  const limit = params.int("limit", 1, 100) ?? 10;
  const after = params.string("starting_after");
  const before = params.string("ending_before");
  const newestFirst = [...records].reverse();
  const indexOf = (id: string, param: string) => {
    const index = newestFirst.findIndex((record) => record.id === id);
    if (index < 0) throw noSuch(kind, id, param);
    return index;
  };
  let page: R[];
  let hasMore: boolean;
  if (after) {
    const rest = newestFirst.slice(indexOf(after, "starting_after") + 1);
    page = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (before) {
    const newer = newestFirst.slice(0, indexOf(before, "ending_before"));
    page = newer.slice(-limit);
    hasMore = newer.length > limit;
  } else {
    page = newestFirst.slice(0, limit);
    hasMore = newestFirst.length > limit;
  }
  return { object: "list", data: page.map(view), has_more: hasMore, url };
}
