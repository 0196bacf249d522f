import { resolve } from "node:path";
import { serveCloudflareEmulator } from "./serve.ts";

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

const lines = [
  `Cloudflare Stream emulator  ${cloudflare.url}`,
  `  API base URL     ${account.apiBaseUrl}`,
  `  account id       ${account.accountId}`,
  `  API token        ${account.apiToken}`,
  `  customer domain  ${account.customerDomain}`,
  `  control API      ${cloudflare.emulator.controlBaseUrl}`,
  `  data             ${dataDir ? resolve(dataDir, "cloudflare") : "in memory (set EMULATORS_DATA_DIR to keep it)"}`,
  // The Stripe emulator arrives in a later issue; STRIPE_EMULATOR_PORT is reserved for it.
  "Stripe emulator             not available yet",
];
process.stdout.write(`${lines.join("\n")}\n`);

const stop = async () => {
  await cloudflare.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
