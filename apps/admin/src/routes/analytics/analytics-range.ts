const DAY_MS = 86_400_000;

/** The longest period the analytics API answers for, counting both ends. */
export const MAX_RANGE_DAYS = 400;

export const PRESET_DAYS = [7, 30, 90] as const;
export type PresetDays = (typeof PRESET_DAYS)[number];
export const DEFAULT_PRESET: PresetDays = 30;

/** Whole UTC days, both ends included, as the rollups count them. */
export type Period = { from: string; to: string };

/** What is wrong with a custom period, and which of its two dates to mark. */
export type PeriodError = { field: "from" | "to"; message: string };

export type AnalyticsRange =
  | { kind: "preset"; days: PresetDays; period: Period }
  | { kind: "custom"; period: Period; error: PeriodError | null };

/** Today as a "YYYY-MM-DD" UTC day. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween({ from, to }: Period): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of the period, oldest first. */
export function eachDay(period: Period): string[] {
  const count = Math.max(0, daysBetween(period));
  return Array.from({ length: count }, (_, index) => addDays(period.from, index));
}

export function presetPeriod(days: number, today: string): Period {
  return { from: addDays(today, -(days - 1)), to: today };
}

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Why a custom period cannot be shown, in words for the form; null when it can. */
export function periodError({ from, to }: Period, today: string): PeriodError | null {
  if (!isDay(from)) return { field: "from", message: "Enter a start date" };
  if (!isDay(to)) return { field: "to", message: "Enter an end date" };
  if (to > today) return { field: "to", message: "The end cannot be in the future" };
  if (from > to) return { field: "from", message: "The start must be on or before the end" };
  if (daysBetween({ from, to }) > MAX_RANGE_DAYS) {
    return { field: "from", message: `Choose at most ${MAX_RANGE_DAYS} days` };
  }
  return null;
}

/** `?range=7|30|90` or `?from=…&to=…`; anything else is the default preset. */
export function parseRange(params: URLSearchParams, today: string): AnalyticsRange {
  const from = params.get("from");
  const to = params.get("to");
  if (from !== null || to !== null) {
    const period = { from: from ?? "", to: to ?? "" };
    return { kind: "custom", period, error: periodError(period, today) };
  }
  const days = PRESET_DAYS.find((preset) => String(preset) === params.get("range")) ?? DEFAULT_PRESET;
  return { kind: "preset", days, period: presetPeriod(days, today) };
}

/** The search string that keeps a range across pages: "?range=7" or "?from=…&to=…". */
export function rangeSearch(range: AnalyticsRange): string {
  const params =
    range.kind === "preset"
      ? new URLSearchParams({ range: String(range.days) })
      : new URLSearchParams({ from: range.period.from, to: range.period.to });
  return `?${params.toString()}`;
}
