export {
  type AccountInfo,
  apiBaseUrl,
  type CloudflareEmulator,
  type CloudflareEmulatorOptions,
  type CreateAccountOptions,
  createCloudflareEmulator,
  customerDomainBase,
  type Delivery,
  type FaultRule,
  signWebhook,
  uploadBaseUrl,
} from "./cloudflare/index.ts";
export { type ServedEmulator, type ServeOptions, serveCloudflareEmulator } from "./serve.ts";
