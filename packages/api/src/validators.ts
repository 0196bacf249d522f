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

export type SignUpInput = z.input<typeof signUpInput>;
export type SignInInput = z.input<typeof signInInput>;
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
export type CreateTenantInput = z.input<typeof createTenantInput>;
export type UpdateTenantInput = z.input<typeof updateTenantInput>;
export type Role = z.infer<typeof roleSchema>;
