export type CardForm = { email: string; number: string; expiry: string; cvc: string; name: string };

export type CardField = "email" | "number" | "expiry" | "cvc";

export type CardResult = { ok: true } | { ok: false; field: CardField | null; message: string; declined: boolean };

/** Stripe's test cards the emulator knows; any other number is invalid. */
const outcomes: Record<string, string | null> = {
  "4242424242424242": null,
  "4000000000000002": "Your card was declined.",
  "4000000000009995": "Your card has insufficient funds.",
};

const incomplete = (field: CardField, message: string): CardResult => ({ ok: false, field, message, declined: false });

/** Checks the form in the order Stripe's page does: fields first, then the card's outcome. */
export function checkCard(form: CardForm, now: Date): CardResult {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim()))
    return incomplete("email", "Your email address is invalid.");
  const number = form.number.replace(/[\s-]/g, "");
  if (number === "") return incomplete("number", "Your card number is incomplete.");
  if (!(number in outcomes)) return incomplete("number", "Your card number is invalid.");
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(form.expiry);
  const month = Number(expiry?.[1]);
  if (!expiry?.[2] || month < 1 || month > 12)
    return incomplete("expiry", "Your card's expiration date is incomplete.");
  const year = expiry[2].length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  if (year * 12 + month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
    return incomplete("expiry", "Your card's expiration date is in the past.");
  }
  if (!/^\d{3,4}$/.test(form.cvc.trim())) return incomplete("cvc", "Your card's security code is incomplete.");
  const decline = outcomes[number];
  return decline ? { ok: false, field: null, message: decline, declined: true } : { ok: true };
}
