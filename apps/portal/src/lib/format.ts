import { ZERO_DECIMAL_CURRENCIES } from "@marquee/api/validators";

/** "4:05", or "1:02:03" past the hour, as video players show it. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "1 hour 2 minutes", "4 minutes 5 seconds": what a screen reader says instead of "4:05". */
export function spokenDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const parts: [number, string][] = [
    [Math.floor(seconds / 3600), "hour"],
    [Math.floor((seconds % 3600) / 60), "minute"],
    [seconds % 60, "second"],
  ];
  const spoken = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? "" : "s"}`);
  return spoken.slice(0, 2).join(" ") || "0 seconds";
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** "$19", "$15.83": amounts in the currency's minor unit, without ".00" on whole amounts as price lists show them. */
export function formatMoney(amount: number, currency: string): string {
  const value = ZERO_DECIMAL_CURRENCIES.has(currency) ? amount : amount / 100;
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: Number.isInteger(value) ? 0 : undefined,
    maximumFractionDigits: ZERO_DECIMAL_CURRENCIES.has(currency) ? 0 : 2,
  }).format(value);
}

/** "1 token", "12 tokens". */
export function formatTokens(count: number): string {
  return `${count} ${Math.abs(count) === 1 ? "token" : "tokens"}`;
}
