import type { Emulator } from "./context.ts";
import type { Price } from "./types.ts";

export function formatAmount(amount: number, currency: string): string {
  // Stripe amounts are in the currency's minor unit; zero-decimal currencies (JPY, KRW…) have none.
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** "per month", "every 3 months", or "" for a one-time price. */
export function describeInterval(price: Price): string {
  if (!price.recurring) return "";
  const { interval, intervalCount } = price.recurring;
  return intervalCount === 1 ? `per ${interval}` : `every ${intervalCount} ${interval}s`;
}

export function productName(emu: Emulator, price: Price): string {
  return emu.store.find("products", price.accountId, price.product)?.name ?? price.product;
}

/** Stripe's invoice line wording: `1 × Pro (at $19.00 / month)`. */
export function describeLine(emu: Emulator, price: Price, quantity: number): string {
  const per = price.recurring ? ` / ${price.recurring.interval}` : "";
  return `${quantity} × ${productName(emu, price)} (at ${formatAmount(price.unitAmount, price.currency)}${per})`;
}

/** "$19.00/month" for the portal's switch buttons; "$19.00" for one-time prices. */
export function shortPrice(price: Price): string {
  const amount = formatAmount(price.unitAmount, price.currency);
  if (!price.recurring) return amount;
  const { interval, intervalCount } = price.recurring;
  return intervalCount === 1 ? `${amount}/${interval}` : `${amount} every ${intervalCount} ${interval}s`;
}

export function formatDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString("en-US", {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    day: "numeric",
  });
}
