import { minorDigits } from "../../lib/money";

// Rollup days are UTC days: format them in UTC so a viewer west of Greenwich does not see the day before.
const dayFormats = {
  short: new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" }),
  long: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }),
};
const monthFormat = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-23" -> "Nov 23" (short) or "Nov 23, 2026" (long), as the viewer's locale writes dates. */
export function formatDay(day: string, style: keyof typeof dayFormats = "short"): string {
  return dayFormats[style].format(new Date(`${day}T00:00:00Z`));
}

/** "2026-11" -> "November 2026". */
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
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

// Cloudflare bills in US dollars, whatever the organization charges its members in.
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const usdPrice = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const minutes = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** 1234 -> "$12.34": an amount of a Cloudflare bill, in cents. */
export function formatUsdCents(cents: number): string {
  return usd.format(cents / 100);
}

/** 5 -> "$5.00", 0.125 -> "$0.125": a price in dollars, without rounding away its fraction of a cent. */
export function formatUsdPrice(dollars: number): string {
  return usdPrice.format(dollars);
}

/** 12345.67 -> "12,345.7": minutes stored or delivered, which Cloudflare counts in fractions. */
export function formatMinuteFigure(value: number): string {
  return minutes.format(value);
}
