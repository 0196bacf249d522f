import { resolve } from "node:path";
import { serveCloudflareEmulator, serveStripeEmulator } from "./serve.ts";

// The CLI is the one place that reads the environment; the emulators themselves take options.
const env = process.env;
const port = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`${name} must be a port number, got "${env[name]}"`);
    process.exit(1);
  }
  return value;
};

const dataDir = env.EMULATORS_DATA_DIR ? resolve(env.EMULATORS_DATA_DIR) : undefined;
const cloudflare = await serveCloudflareEmulator({
  port: port("CF_EMULATOR_PORT", 8790),
  hostname: env.EMULATORS_HOST ?? "127.0.0.1",
  baseUrl: env.CF_EMULATOR_BASE_URL,
  dataDir: dataDir && resolve(dataDir, "cloudflare"),
  log: (message) => console.warn(`[cloudflare] ${message}`),
});
const existing = cloudflare.emulator.accounts()[0];
const account = await cloudflare.emulator.createAccount({
  accountId: env.CF_EMULATOR_ACCOUNT_ID ?? existing?.accountId,
  apiToken: env.CF_EMULATOR_API_TOKEN,
});

const stripe = await serveStripeEmulator({
  port: port("STRIPE_EMULATOR_PORT", 8791),
  hostname: env.EMULATORS_HOST ?? "127.0.0.1",
  baseUrl: env.STRIPE_EMULATOR_BASE_URL,
  dataDir: dataDir && resolve(dataDir, "stripe"),
  log: (message) => console.warn(`[stripe] ${message}`),
});
const stripeAccount = await stripe.emulator.createAccount({
  secretKey: env.STRIPE_EMULATOR_SECRET_KEY ?? stripe.emulator.accounts()[0]?.secretKey,
});
const stripeUrl = new URL(stripe.url);
const sdkConfig =
  stripeUrl.pathname === "/"
    ? `{ host: '${stripeUrl.hostname}', port: ${stripeUrl.port || 80}, protocol: '${stripeUrl.protocol.replace(":", "")}' }`
    : "the base URL has a path: give the SDK a fetch that rewrites /v1/... to it (see README)";

const lines = [
  `Cloudflare Stream emulator  ${cloudflare.url}`,
  `  API base URL     ${account.apiBaseUrl}`,
  `  account id       ${account.accountId}`,
  `  API token        ${account.apiToken}`,
  `  customer domain  ${account.customerDomain}`,
  `  control API      ${cloudflare.emulator.controlBaseUrl}`,
  `  data             ${dataDir ? resolve(dataDir, "cloudflare") : "in memory (set EMULATORS_DATA_DIR to keep it)"}`,
  `Stripe emulator             ${stripe.url}`,
  `  secret key       ${stripeAccount.secretKey}`,
  `  publishable key  ${stripeAccount.publishableKey}`,
  `  account id       ${stripeAccount.accountId}`,
  `  SDK config       ${sdkConfig}`,
  `  control API      ${stripe.emulator.controlBaseUrl}  (POST /clock/advance {"seconds": 86400}, GET /deliveries)`,
  `  webhooks         stripe.webhookEndpoints.create({ url, enabled_events: ["*"] }) returns the whsec_ secret`,
  `  data             ${dataDir ? resolve(dataDir, "stripe") : "in memory (set EMULATORS_DATA_DIR to keep it)"}`,
];
process.stdout.write(`${lines.join("\n")}\n`);

const stop = async () => {
  await Promise.all([cloudflare.close(), stripe.close()]);
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
