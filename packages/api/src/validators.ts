import { z } from "zod";

// Shared by the API and the forms of both apps, so the browser shows the same message
// the server would send.

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address"));

export const passwordSchema = z.string().min(8, "Use at least 8 characters").max(256, "Use at most 256 characters");

export const personNameSchema = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

/** Paths of the portal that a tenant slug must not shadow. */
export const RESERVED_SLUGS = new Set([
  "account",
  "admin",
  "api",
  "assets",
  "healthz",
  "sign-in",
  "sign-up",
  "sign-out",
  "signin",
  "signup",
  "login",
  "logout",
  "trpc",
  "static",
  "favicon.ico",
  "robots.txt",
]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters")
  .max(40, "Use at most 40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This address is reserved; choose another");

export const tenantNameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(80, "Use at most 80 characters");

export const signUpInput = z.object({ name: personNameSchema, email: emailSchema, password: passwordSchema });
export const signInInput = z.object({
  email: emailSchema,
  // Only length-checked: old passwords may predate today's rules.
  password: z.string().min(1, "Enter your password").max(256, "Use at most 256 characters"),
});
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(256),
  newPassword: passwordSchema,
});

export const roleSchema = z.enum(["owner", "admin", "instructor", "member"]);

export const createTenantInput = z.object({
  name: tenantNameSchema,
  slug: slugSchema,
  ownerEmail: emailSchema.optional(),
});
export const updateTenantInput = z.object({
  id: z.uuid(),
  name: tenantNameSchema.optional(),
  slug: slugSchema.optional(),
  status: z.enum(["active", "archived"]).optional(),
});

/** The three credentials of Settings → Cloudflare (the form leaves replaceWebhook to its dialog). */
export const cloudflareCredentialsInput = z.object({
  accountId: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{32}$/, "An account ID is 32 letters and digits: copy it from the Cloudflare dashboard's sidebar"),
  apiToken: z.string().trim().min(20, "This does not look like a Cloudflare API token").max(200),
  customerCode: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]{4,64}$/, "The customer code is the part after customer- in your Stream playback URLs"),
});

/** WebVTT: the WEBVTT signature line, and at least one cue timing line. */
export const WEBVTT_HEADER = /^\uFEFF?WEBVTT(?:[ \t][^\n]*)?\r?\n/;
export const WEBVTT_CUE_TIMING = /\d{2}:\d{2}(?::\d{2})?\.\d{3}\s+-->\s+\d{2}:\d{2}/;
export const MAX_CAPTION_BYTES = 1024 * 1024;

export function isWebVtt(text: string): boolean {
  return WEBVTT_HEADER.test(text) && WEBVTT_CUE_TIMING.test(text);
}

/** Settings → Payments. An empty webhook secret asks Marquee to register the endpoint itself. */
export const stripeCredentialsInput = z.object({
  secretKey: z
    .string()
    .trim()
    .regex(
      /^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/,
      "A Stripe secret key starts with sk_live_ or sk_test_ (or rk_ for a restricted key)",
    ),
  webhookSecret: z
    .string()
    .trim()
    .regex(/^(whsec_[A-Za-z0-9_]{8,})?$/, "A webhook signing secret starts with whsec_")
    .default(""),
});

/** The Stripe events Marquee acts on: registered on the endpoint it manages, and listed for admins who create their own. */
export const STRIPE_WEBHOOK_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

export const CURRENCIES = ["usd", "eur", "gbp", "cad", "aud", "chf", "jpy", "sek", "nok", "dkk"] as const;
/** Currencies without a minor unit: prices are whole amounts. */
export const ZERO_DECIMAL_CURRENCIES = new Set(["jpy"]);

export const billingPolicyInput = z.object({
  currency: z.enum(CURRENCIES, "Choose a currency from the list"),
  pastDueGraceDays: z
    .number("Enter a number of days")
    .int("Use whole days")
    .min(0, "Use 0 or more days")
    .max(30, "Use at most 30 days"),
});

/** Amounts in the currency's minor unit (cents). Stripe charges at least about 0.50. */
const priceCents = z
  .number("Enter a price")
  .int("Enter the price in cents")
  .min(50, "Stripe cannot charge less than 0.50")
  .max(99_999_999, "That price is too high");

const tierFields = {
  name: z.string().trim().min(1, "Name the tier").max(60, "Use at most 60 characters"),
  description: z.string().trim().max(500, "Use at most 500 characters").default(""),
  benefits: z
    .array(z.string().trim().min(1, "Remove empty benefits").max(120, "Keep each benefit under 120 characters"))
    .max(12, "List at most 12 benefits")
    .default([]),
  rank: z.number("Enter a rank").int("Use a whole number").min(1, "Rank starts at 1").max(100, "Use at most 100"),
  monthlyPriceCents: priceCents.nullable(),
  yearlyPriceCents: priceCents.nullable(),
};

export const tierInput = z
  .object(tierFields)
  .refine((tier) => tier.monthlyPriceCents !== null || tier.yearlyPriceCents !== null, {
    message: "Offer a monthly or a yearly price (or both)",
    path: ["monthlyPriceCents"],
  });
export const updateTierInput = z
  .object({ id: z.uuid(), ...tierFields })
  .refine((tier) => tier.monthlyPriceCents !== null || tier.yearlyPriceCents !== null, {
    message: "Offer a monthly or a yearly price (or both)",
    path: ["monthlyPriceCents"],
  });

const packFields = {
  name: z.string().trim().min(1, "Name the pack").max(60, "Use at most 60 characters"),
  tokens: z
    .number("Enter a number of tokens")
    .int("Use a whole number of tokens")
    .min(1, "A pack holds at least 1 token")
    .max(100_000, "Use at most 100,000 tokens"),
  priceCents,
};
export const packInput = z.object(packFields);
export const updatePackInput = z.object({ id: z.uuid(), ...packFields });

export const adjustTokensInput = z.object({
  membershipId: z.uuid(),
  delta: z
    .number("Enter a number of tokens")
    .int("Use a whole number of tokens")
    .refine((n) => n !== 0, "Enter a number other than 0")
    .refine((n) => Math.abs(n) <= 100_000, "Use at most 100,000 tokens at once"),
  note: z.string().trim().min(3, "Say why (members see this in their history)").max(200, "Use at most 200 characters"),
});

export const subscribeInput = z.object({ tierId: z.uuid(), interval: z.enum(["month", "year"]) });

export const classInput = z.object({
  title: z.string().trim().min(1, "Name the class").max(120, "Use at most 120 characters"),
  description: z.string().trim().max(2000, "Use at most 2,000 characters").default(""),
  scheduledStart: z.date("Choose a start date and time"),
  durationMinutes: z
    .number("Enter a duration")
    .int("Use whole minutes")
    .min(5, "A class lasts at least 5 minutes")
    .max(720, "A class lasts at most 12 hours"),
  priceTokens: z
    .number("Enter a price in tokens")
    .int("Use a whole number of tokens")
    .min(0, "Use 0 for a free class")
    .max(10_000, "Use at most 10,000 tokens"),
  keepRecording: z.boolean().default(true),
  instructorUserId: z.uuid().optional(),
});
export const updateClassInput = classInput.extend({ id: z.uuid() });

const isoDay = z.iso.date("Use a date like 2026-01-31");

/** A period of whole UTC days for the analytics pages: at most 400 days, oldest first. */
export const analyticsPeriodInput = z
  .object({ from: isoDay, to: isoDay })
  .refine((p) => p.from <= p.to, { message: "The start must be on or before the end", path: ["from"] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86_400_000, {
    message: "Choose at most 400 days",
    path: ["from"],
  });

export const liveSettingsInput = z.object({
  replayDays: z
    .number("Enter a number of days")
    .int("Use whole days")
    .min(1, "At least 1 day")
    .max(30, "At most 30 days"),
  catalogAfterDays: z
    .number("Enter a number of days")
    .int("Use whole days")
    .min(8, "Wait at least 8 days: the replay period comes first")
    .max(365, "At most a year"),
  catalogAccessLevel: z.enum(["public", "members"], "Choose who may watch migrated recordings"),
});

export type SignUpInput = z.input<typeof signUpInput>;
export type SignInInput = z.input<typeof signInInput>;
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
export type CreateTenantInput = z.input<typeof createTenantInput>;
export type UpdateTenantInput = z.input<typeof updateTenantInput>;
export type Role = z.infer<typeof roleSchema>;
export type StripeCredentialsInput = z.input<typeof stripeCredentialsInput>;
export type BillingPolicyInput = z.input<typeof billingPolicyInput>;
export type TierInput = z.input<typeof tierInput>;
export type PackInput = z.input<typeof packInput>;
export type AdjustTokensInput = z.input<typeof adjustTokensInput>;
export type ClassInput = z.input<typeof classInput>;
export type LiveSettingsInput = z.input<typeof liveSettingsInput>;
