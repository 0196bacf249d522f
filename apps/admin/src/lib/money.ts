import { ZERO_DECIMAL_CURRENCIES } from "@marquee/api/validators";

/** Digits after the decimal point: prices are stored in the currency's minor unit (cents). */
export function minorDigits(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toLowerCase()) ? 0 : 2;
}

/** 1900 cents in "usd" -> "$19.00", as the viewer's locale writes money. */
export function formatMoney(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(cents / 10 ** digits);
}

/** "$", "€", "CHF": what goes before a price in a form. */
export function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).formatToParts(
    0,
  );
  return parts.find((part) => part.type === "currency")?.value ?? currency.toUpperCase();
}

/** "US Dollar (USD)". */
export function currencyName(currency: string): string {
  const code = currency.toUpperCase();
  try {
    const name = new Intl.DisplayNames(undefined, { type: "currency" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The amount as a form shows it for editing: 1900 -> "19.00"; no symbol, no grouping. */
export function toMoneyText(cents: number | null, currency: string): string {
  if (cents === null) return "";
  const digits = minorDigits(currency);
  return (cents / 10 ** digits).toFixed(digits);
}

/**
 * "19", "19.5", "19,50" -> cents; null for anything else. Either separator is taken as the
 * decimal point (people type what their keyboard has), so grouping separators are refused.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const pattern = digits === 0 ? /^\d{1,9}$/ : /^(\d{1,9})(?:[.,](\d{1,2}))?$/;
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const whole = Number(match[1] ?? match[0]);
  const fraction = digits === 0 ? 0 : Number((match[2] ?? "").padEnd(digits, "0"));
  return whole * 10 ** digits + fraction;
}

/** How to type a price in this currency, for hints and errors. */
export function moneyExample(currency: string): string {
  return minorDigits(currency) === 0 ? "1900" : "19.00";
}
