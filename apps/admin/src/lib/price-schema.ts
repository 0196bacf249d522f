import { z } from "zod";
import { formatMoney, moneyExample, parseMoney } from "./money";

// The API's bounds on an amount in cents (validators.ts `priceCents`).
const MIN_CENTS = 50;
const MAX_CENTS = 99_999_999;

/**
 * A price as typed ("19.00"), checked as the API will check it once converted to cents.
 * Optional prices may stay "" (the form then sends null).
 */
export function priceTextSchema(currency: string, { required }: { required: boolean }) {
  return z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      if (text === "") {
        if (required) ctx.addIssue({ code: "custom", message: "Enter a price" });
        return;
      }
      const cents = parseMoney(text, currency);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: `Enter an amount like ${moneyExample(currency)}` });
      } else if (cents < MIN_CENTS) {
        ctx.addIssue({ code: "custom", message: `Stripe cannot charge less than ${formatMoney(MIN_CENTS, currency)}` });
      } else if (cents > MAX_CENTS) {
        ctx.addIssue({ code: "custom", message: "That price is too high" });
      }
    });
}

/** A checked price text in cents; null for "" (and, defensively, for text that is not a price). */
export function priceCentsOf(text: string, currency: string): number | null {
  return text === "" ? null : parseMoney(text, currency);
}
