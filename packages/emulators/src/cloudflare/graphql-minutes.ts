import { deliveryRows, isDay, tidyMinutes, utcDay } from "./analytics.ts";
import type { Emulator } from "./context.ts";
import { type GraphqlField, resolveValue } from "./graphql-query.ts";

/** A GraphQL error and the HTTP status Cloudflare sends with it (its error docs list one per kind). */
export class GraphqlFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    message: string,
    readonly path: string[] = [],
  ) {
    super(message);
  }
}

export const MAX_LIMIT = 10_000;
const DAY_MS = 86_400_000;
const RETENTION_DAYS = 90;
const MAX_RANGE_DAYS = 31;

const addDays = (day: string, days: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

type Row = { day: string; uid: string; minutes: number };
type Filter = Record<string, unknown>;

export const unknownField = (field: GraphqlField, path: string[]) =>
  new GraphqlFailure(400, `unknown field "${field.name}"`, [...path, field.alias ?? field.name]);

function dayArg(filter: Filter, key: string, path: string[]): string | undefined {
  const value = filter[key];
  if (value === null || value === undefined) return undefined;
  if (!isDay(value)) throw new GraphqlFailure(400, `error parsing args: ${key} must be a Date (YYYY-MM-DD)`, path);
  return value;
}

const defined = (day: string | undefined): day is string => day !== undefined;

/** `[from, to)` in days from the date filters; like Cloudflare, at most 31 days and nothing past retention. */
function dayRange(emu: Emulator, filter: Filter, path: string[]) {
  const day = (key: string) => dayArg(filter, key, path);
  const [eq, gt, leq] = [day("date"), day("date_gt"), day("date_leq")];
  const from = [day("date_geq"), eq, gt && addDays(gt, 1)].filter(defined).sort().at(-1);
  const to = [day("date_lt"), eq && addDays(eq, 1), leq && addDays(leq, 1)].filter(defined).sort()[0];
  const oldest = addDays(utcDay(emu.clock.now()), -RETENTION_DAYS);
  if (from !== undefined && from < oldest) {
    throw new GraphqlFailure(400, `cannot request data older than ${RETENTION_DAYS * 86_400}s`, path);
  }
  if (from !== undefined && to !== undefined && (Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_RANGE_DAYS) {
    throw new GraphqlFailure(400, "query time range is too large", path);
  }
  return { from: from ?? oldest, to };
}

const uidTests = new Map<string, (uid: string, value: unknown) => boolean>([
  ["uid", (uid, value) => uid === value],
  ["uid_neq", (uid, value) => uid !== value],
  ["uid_gt", (uid, value) => typeof value === "string" && uid > value],
  ["uid_geq", (uid, value) => typeof value === "string" && uid >= value],
  ["uid_lt", (uid, value) => typeof value === "string" && uid < value],
  ["uid_leq", (uid, value) => typeof value === "string" && uid <= value],
  ["uid_in", (uid, value) => Array.isArray(value) && value.includes(uid)],
]);
const dateFilters = new Set(["date", "date_geq", "date_gt", "date_leq", "date_lt"]);

function checkFilterFields(filter: Filter, path: string[]) {
  const unknown = Object.keys(filter).find((key) => !uidTests.has(key) && !dateFilters.has(key));
  if (unknown) {
    throw new GraphqlFailure(400, `filter field "${unknown}" is not emulated (only date and uid filters are)`, path);
  }
}

/** Unset variables leave their filter out, as GraphQL has it. */
const uidMatches = (filter: Filter, uid: string) =>
  Object.entries(filter).every(([key, value]) => {
    const test = uidTests.get(key);
    return value === null || !test || test(uid, value);
  });

const ascending = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const orderKeys = new Map<string, (a: Row, b: Row) => number>([
  ["uid_ASC", (a, b) => ascending(a.uid, b.uid)],
  ["uid_DESC", (a, b) => ascending(b.uid, a.uid)],
  ["date_ASC", (a, b) => ascending(a.day, b.day)],
  ["date_DESC", (a, b) => ascending(b.day, a.day)],
  ["sum_minutesViewed_ASC", (a, b) => a.minutes - b.minutes],
  ["sum_minutesViewed_DESC", (a, b) => b.minutes - a.minutes],
]);

const selectable = new Map([
  ["sum", ["minutesViewed"]],
  ["dimensions", ["uid", "date"]],
]);

/** Groups the ledger by the selected dimensions (`uid`, `date`), then orders and limits the groups. */
function groups(rows: Row[], byUid: boolean, byDate: boolean, order: string[], limit: number): Row[] {
  const grouped = new Map<string, Row>();
  for (const row of rows) {
    const key = `${byDate ? row.day : ""}|${byUid ? row.uid : ""}`;
    const group = grouped.get(key) ?? { day: byDate ? row.day : "", uid: byUid ? row.uid : "", minutes: 0 };
    group.minutes += row.minutes;
    grouped.set(key, group);
  }
  const comparators = [...order, "uid_ASC", "date_ASC"].flatMap((key) => orderKeys.get(key) ?? []);
  const compare = (a: Row, b: Row) => comparators.reduce((result, next) => result || next(a, b), 0);
  return [...grouped.values()].sort(compare).slice(0, limit);
}

/** `streamMinutesViewedAdaptiveGroups` of one account: what the emulator counted as delivered. */
export function streamMinutes(
  emu: Emulator,
  accountId: string,
  field: GraphqlField,
  variables: Record<string, unknown>,
  path: string[],
) {
  const arg = (key: string) => (field.args[key] ? resolveValue(field.args[key], variables) : null);
  const filter = (arg("filter") ?? {}) as Filter;
  if (typeof filter !== "object" || Array.isArray(filter)) throw new GraphqlFailure(400, "error parsing args", path);
  const limit = arg("limit") ?? MAX_LIMIT;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new GraphqlFailure(400, `limit must be positive number and not greater than ${MAX_LIMIT}`, path);
  }
  const orderArg = arg("orderBy") ?? [];
  const order = (Array.isArray(orderArg) ? orderArg : [orderArg]).map(String);
  const unknownOrder = order.find((key) => !orderKeys.has(key));
  if (unknownOrder) throw new GraphqlFailure(400, `orderBy ${unknownOrder} is not emulated`, path);

  const dimensions = field.selections.find((s) => s.name === "dimensions")?.selections ?? [];
  for (const selection of field.selections) {
    const known = selectable.get(selection.name);
    if (!known) throw unknownField(selection, path);
    const wrong = selection.selections.find((s) => !known.includes(s.name));
    if (wrong) throw unknownField(wrong, [...path, selection.alias ?? selection.name]);
  }

  checkFilterFields(filter, path);
  const range = dayRange(emu, filter, path);
  const rows = deliveryRows(emu, accountId, range).filter((row) => uidMatches(filter, row.uid));
  const byUid = dimensions.some((d) => d.name === "uid");
  const byDate = dimensions.some((d) => d.name === "date");
  return groups(rows, byUid, byDate, order, limit).map((group) =>
    Object.fromEntries(
      field.selections.map((selection) => [
        selection.alias ?? selection.name,
        Object.fromEntries(
          selection.selections.map((s) => [
            s.alias ?? s.name,
            s.name === "minutesViewed" ? tidyMinutes(group.minutes) : s.name === "uid" ? group.uid : group.day,
          ]),
        ),
      ]),
    ),
  );
}
