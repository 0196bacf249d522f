import { parseSecretKeys, type SecretKey } from "@marquee/auth";
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "use true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const envSchema = z.object({
  PORT: z.coerce.number({ message: "must be a number" }).int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z
    .url({ message: "must be an absolute http(s) URL, e.g. https://videos.example.com" })
    .refine((url) => /^https?:\/\//.test(url), "must start with http:// or https://")
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// connection string")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: booleanString.default(false),
  SEED_DEMO: booleanString.optional(),
  APP_SECRET_KEY: z.string().optional(),
  CLOUDFLARE_ACCOUNT_ID: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, "must be a 32-character Cloudflare account id")
    .optional(),
  CLOUDFLARE_API_TOKEN: z.string().min(20, "does not look like a Cloudflare API token").optional(),
  CLOUDFLARE_STREAM_CUSTOMER_CODE: z
    .string()
    .regex(/^[a-z0-9]+$/i, "must be the code from customer-<code>.cloudflarestream.com")
    .optional(),
  CLOUDFLARE_API_BASE_URL: z.url({ message: "must be an absolute URL ending in /client/v4" }).optional(),
  CLOUDFLARE_EMULATOR: booleanString.optional(),
  CLOUDFLARE_STORAGE_PRICE: z.coerce
    .number("must be US dollars per 1,000 minutes stored, e.g. 5")
    .min(0, "must not be negative")
    .default(5),
  CLOUDFLARE_DELIVERY_PRICE: z.coerce
    .number("must be US dollars per 1,000 minutes delivered, e.g. 1")
    .min(0, "must not be negative")
    .default(1),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/, "must be a Stripe secret key (sk_live_…, sk_test_… or rk_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9_]{8,}$/, "must be a webhook signing secret (whsec_…)")
    .optional(),
  STRIPE_API_BASE_URL: z.url({ message: "must be an absolute URL (the API is under <url>/v1)" }).optional(),
  STRIPE_EMULATOR: booleanString.optional(),
  CRON_SECRET: z.string().min(24, "use at least 24 characters (openssl rand -hex 24)").optional(),
});

const CLOUDFLARE_DEFAULT_VARS = [
  "CLOUDFLARE_ACCOUNT_ID",
  "CLOUDFLARE_API_TOKEN",
  "CLOUDFLARE_STREAM_CUSTOMER_CODE",
] as const;

export type Env = {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  trustProxy: boolean;
  seedDemo: boolean;
  mode: "embedded" | "production";
  /** Unset in embedded mode until the server reads or creates its key file. */
  secretKeys: SecretKey[] | null;
  /** The Cloudflare account tenants without their own credentials use. */
  cloudflareDefault: { accountId: string; apiToken: string; customerCode: string } | null;
  /** Where the Cloudflare API lives; unset means Cloudflare itself, or the built-in emulator in embedded mode. */
  cloudflareApiBaseUrl: string | undefined;
  /** US dollars per 1,000 minutes, for the cost estimates. */
  cloudflarePrices: { storagePer1000Minutes: number; deliveryPer1000Minutes: number };
  /** Run the built-in Cloudflare emulator (and connect the demo tenant to it). */
  cloudflareEmulator: boolean;
  /** The Stripe account tenants without their own keys use (its webhook secret is for /api/webhooks/stripe/platform). */
  stripeDefault: { secretKey: string; webhookSecret: string | null } | null;
  /** Where the Stripe API lives (without /v1); unset means Stripe itself, or the built-in emulator in embedded mode. */
  stripeApiBaseUrl: string | undefined;
  /** Run the built-in Stripe emulator (and connect the demo tenant to it). */
  stripeEmulator: boolean;
  /** Bearer secret for POST /api/cron/:job (external schedulers); unset disables the endpoint. */
  cronSecret: string | null;
};

export class EnvError extends Error {}

/** Reads and validates the environment once; empty strings count as unset. */
export function loadEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const mode = env.DATABASE_URL ? "production" : "embedded";
  const problems: string[] = [];
  let secretKeys: SecretKey[] | null = null;
  if (env.APP_SECRET_KEY) {
    try {
      secretKeys = parseSecretKeys(env.APP_SECRET_KEY);
    } catch (error) {
      problems.push(`  APP_SECRET_KEY: ${error instanceof Error ? error.message : "invalid"}`);
    }
  } else if (mode === "production") {
    problems.push("  APP_SECRET_KEY: required with DATABASE_URL (generate one: openssl rand -base64 32)");
  }
  const setDefaults = CLOUDFLARE_DEFAULT_VARS.filter((name) => env[name]);
  if (setDefaults.length > 0 && setDefaults.length < CLOUDFLARE_DEFAULT_VARS.length) {
    const missing = CLOUDFLARE_DEFAULT_VARS.filter((name) => !env[name]);
    problems.push(
      `  ${missing.join(", ")}: set together with ${setDefaults.join(", ")} (the platform's default Cloudflare account)`,
    );
  }
  if (env.STRIPE_WEBHOOK_SECRET && !env.STRIPE_SECRET_KEY) {
    problems.push(
      "  STRIPE_WEBHOOK_SECRET: set together with STRIPE_SECRET_KEY (the platform's default Stripe account)",
    );
  }
  if (problems.length > 0) throw new EnvError(`Invalid environment:\n${problems.join("\n")}`);
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    seedDemo: env.SEED_DEMO ?? mode === "embedded",
    mode,
    secretKeys,
    cloudflareDefault:
      env.CLOUDFLARE_ACCOUNT_ID && env.CLOUDFLARE_API_TOKEN && env.CLOUDFLARE_STREAM_CUSTOMER_CODE
        ? {
            accountId: env.CLOUDFLARE_ACCOUNT_ID,
            apiToken: env.CLOUDFLARE_API_TOKEN,
            customerCode: env.CLOUDFLARE_STREAM_CUSTOMER_CODE,
          }
        : null,
    cloudflareApiBaseUrl: env.CLOUDFLARE_API_BASE_URL?.replace(/\/+$/, ""),
    cloudflarePrices: {
      storagePer1000Minutes: env.CLOUDFLARE_STORAGE_PRICE,
      deliveryPer1000Minutes: env.CLOUDFLARE_DELIVERY_PRICE,
    },
    cloudflareEmulator: env.CLOUDFLARE_EMULATOR ?? (mode === "embedded" && !env.CLOUDFLARE_API_BASE_URL),
    stripeDefault: env.STRIPE_SECRET_KEY
      ? { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null }
      : null,
    stripeApiBaseUrl: env.STRIPE_API_BASE_URL?.replace(/\/+$/, "").replace(/\/v1$/, ""),
    stripeEmulator: env.STRIPE_EMULATOR ?? (mode === "embedded" && !env.STRIPE_API_BASE_URL),
    cronSecret: env.CRON_SECRET ?? null,
  };
}
