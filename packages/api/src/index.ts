export {
  type ApiConfig,
  type Context,
  createInnerContext,
  createRequestContext,
  type InnerContextOptions,
} from "./context";
export { AppError, type AppErrorCode } from "./errors";
export { type JobDeps, reconcileSubscriptionsJob, reconcileVideosJob, runJobSlot, scheduledJobs, slotOf } from "./jobs";
export {
  type AdminRouter,
  adminRouter,
  createAdminCaller,
  createPortalCaller,
  type PortalRouter,
  portalRouter,
} from "./root";
export { connectDemoStripe } from "./services/billing/demo";
export type { BillingEnvironment, StripeCredentials } from "./services/billing/environment";
export { balanceOf, creditTokens, spendTokens } from "./services/billing/wallet";
export { handleStripeWebhook } from "./services/billing/webhook";
export { saveCloudflareSettings } from "./services/cloudflare/connections";
export { connectDemoCloudflare } from "./services/cloudflare/demo";
export type { CloudflareCredentials, CloudflareEnvironment } from "./services/cloudflare/environment";
export { syncPlatformConnection } from "./services/cloudflare/platform";
export { handleCloudflareWebhook, type WebhookOutcome } from "./services/cloudflare/webhook";
export { readImage } from "./services/images";
export { handleLiveNotification } from "./services/live/lifecycle";
export { ensurePlatformAdmin } from "./services/users";
export { createVideoUpload } from "./services/videos/uploads";
export type { FieldErrors } from "./trpc";
