import { tierInput } from "@marquee/api/validators";
import { z } from "zod";
import { toMoneyText } from "../../lib/money";
import { priceCentsOf, priceTextSchema } from "../../lib/price-schema";
import type { TierRow } from "../../lib/types";

export const MAX_BENEFITS = 12;

// The API's rules and messages per field; prices are typed as money and benefits edited as rows.
export function tierFormSchema(currency: string) {
  const price = priceTextSchema(currency, { required: false });
  return z
    .object({
      name: tierInput.shape.name,
      description: tierInput.shape.description.unwrap(),
      benefits: z
        .array(z.object({ text: tierInput.shape.benefits.unwrap().element }))
        .max(MAX_BENEFITS, `List at most ${MAX_BENEFITS} benefits`),
      rank: tierInput.shape.rank,
      monthlyPrice: price,
      yearlyPrice: price,
    })
    .refine((values) => values.monthlyPrice !== "" || values.yearlyPrice !== "", {
      path: ["monthlyPrice"],
      message: "Offer a monthly or a yearly price (or both)",
    });
}

type TierFormSchema = ReturnType<typeof tierFormSchema>;
export type TierFormInput = z.input<TierFormSchema>;
export type TierFormValues = z.output<TierFormSchema>;

/** The API names prices by their unit. */
export const TIER_SERVER_FIELDS = { monthlyPriceCents: "monthlyPrice", yearlyPriceCents: "yearlyPrice" } as const;

export function toFormValues(tier: TierRow | null, suggestedRank: number): TierFormInput {
  if (!tier) {
    return { name: "", description: "", benefits: [], rank: suggestedRank, monthlyPrice: "", yearlyPrice: "" };
  }
  return {
    name: tier.name,
    description: tier.description,
    benefits: tier.benefits.map((text) => ({ text })),
    rank: tier.rank,
    monthlyPrice: toMoneyText(tier.monthlyPriceCents, tier.currency),
    yearlyPrice: toMoneyText(tier.yearlyPriceCents, tier.currency),
  };
}

export function toTierInput(values: TierFormValues, currency: string) {
  return {
    name: values.name,
    description: values.description,
    benefits: values.benefits.map((benefit) => benefit.text),
    rank: values.rank,
    monthlyPriceCents: priceCentsOf(values.monthlyPrice, currency),
    yearlyPriceCents: priceCentsOf(values.yearlyPrice, currency),
  };
}

/** The lowest rank above every active tier: a new tier usually sits at the top. */
export function nextRank(tiers: TierRow[]): number {
  const ranks = tiers.filter((tier) => tier.archivedAt === null).map((tier) => tier.rank);
  return Math.min(100, Math.max(0, ...ranks) + 1);
}
