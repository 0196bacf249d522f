import { packInput } from "@marquee/api/validators";
import { z } from "zod";
import { toMoneyText } from "../../lib/money";
import { priceCentsOf, priceTextSchema } from "../../lib/price-schema";
import type { PackRow } from "../../lib/types";

// The API's rules and messages; the price is typed as money.
export function packFormSchema(currency: string) {
  return z.object({
    name: packInput.shape.name,
    tokens: packInput.shape.tokens,
    price: priceTextSchema(currency, { required: true }),
  });
}

type PackFormSchema = ReturnType<typeof packFormSchema>;
export type PackFormInput = z.input<PackFormSchema>;
export type PackFormValues = z.output<PackFormSchema>;

export const PACK_SERVER_FIELDS = { priceCents: "price" } as const;

export function toFormValues(pack: PackRow | null): PackFormInput {
  if (!pack) return { name: "", tokens: 10, price: "" };
  return { name: pack.name, tokens: pack.tokens, price: toMoneyText(pack.priceCents, pack.currency) };
}

export function toPackInput(values: PackFormValues, currency: string) {
  return { name: values.name, tokens: values.tokens, priceCents: priceCentsOf(values.price, currency) ?? 0 };
}
