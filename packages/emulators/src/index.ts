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
export {
  type ServedEmulator,
  type ServedStripeEmulator,
  type ServeOptions,
  type ServeStripeOptions,
  serveCloudflareEmulator,
  serveStripeEmulator,
} from "./serve.ts";
export {
  createStripeEmulator,
  type StripeAccountInfo,
  type StripeCreateAccountOptions,
  type StripeDelivery,
  type StripeDeliveryAttempt,
  type StripeEmulator,
  type StripeEmulatorOptions,
  type StripeEvent,
  signStripePayload,
} from "./stripe/index.ts";
