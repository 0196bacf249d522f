export { type AccountPauses, createAccountPauses, MAX_ACCOUNT_PAUSE_MS } from "./account-pauses";
export {
  CLOUDFLARE_API_BASE_URL,
  createStreamClient,
  DEFAULT_TIMEOUT_MS,
  type StreamClient,
  type StreamClientConfig,
} from "./client";
export { isStreamError, StreamError, type StreamErrorKind } from "./errors";
export type { LiveInputRecording, StreamLiveInput } from "./live-input";
export type { StorageUsage, TokenStatus, TokenVerification } from "./operations/account";
export type { DeliveredMinutes, MinutesDeliveredOptions } from "./operations/analytics";
export type { CaptionStatus, StreamCaption } from "./operations/captions";
export type { CreatedSigningKey, SigningKeySummary } from "./operations/keys";
export type { LiveInputSettings, LiveInputSummary } from "./operations/live-inputs";
export type { LiveStatus } from "./operations/live-status";
export type { DirectUpload, DirectUploadInput, TusUpload, TusUploadInput } from "./operations/uploads";
export type { ListVideosQuery, VideoPage, VideoPatch } from "./operations/videos";
export type { WebhookSubscription } from "./operations/webhook-subscription";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
export * from "./tokens";
export { encodeUploadMetadata, parseUploadMetadata, type TusUploadMetadata } from "./upload-metadata";
export * from "./urls";
export type { StreamVideo, VideoState } from "./video";
export * from "./webhooks";
