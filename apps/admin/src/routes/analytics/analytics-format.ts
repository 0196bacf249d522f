import { minorDigits } from "../../lib/money";

// Rollup days are UTC days: format them in UTC so a viewer west of Greenwich does not see the day before.
const dayFormats = {
  short: new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" }),
  long: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }),
};

/** "2026-11-23" -> "Nov 23" (short) or "Nov 23, 2026" (long), as the viewer's locale writes dates. */
export function formatDay(day: string, style: keyof typeof dayFormats = "short"): string {
  return dayFormats[style].format(new Date(`${day}T00:00:00Z`));
}

const count = new Intl.NumberFormat();
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatCount(value: number): string {
  return count.format(value);
}

/** For axis ticks, where space is short: "1.2K". */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** 0.4567 -> "45.7%", always one decimal so a column of them lines up. */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "5 minutes ago", "yesterday"; under a minute is "just now". */
export function formatRelativeTime(date: Date, now = new Date()): string {
  const elapsed = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return relative.format(Math.round(elapsed / ms), unit);
  }
  return "just now";
}

/** Money for an axis tick: "$1.2K", in the organization's currency. */
export function formatMoneyCompact(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currency.toUpperCase(),
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(cents / 10 ** digits);
}
