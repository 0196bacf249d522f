import type { JWK } from "jose";

export type VideoState =
  | "pendingupload"
  | "downloading"
  | "queued"
  | "inprogress"
  | "ready"
  | "error"
  | "live-inprogress";

export type TokenScope = "read" | "write";

export type ApiToken = {
  id: string;
  value: string;
  scope: TokenScope;
  /** RFC 3339; the token answers `expired` after this instant. */
  expiresOn: string | null;
  /** Account Analytics Read, which the GraphQL API needs; absent (state from before it existed) means granted. */
  analytics?: boolean;
};

export type SigningKey = { id: string; created: string; publicJwk: JWK };

export type WebhookSubscription = { notificationUrl: string; modified: string };

export type LiveNotificationDestination = { url: string; secret: string; name: string };

export type Account = {
  id: string;
  customerCode: string;
  tokens: ApiToken[];
  webhook: WebhookSubscription | null;
  /** Kept once generated: whether Cloudflare rotates it on PUT is unconfirmed, so we never do. */
  webhookSecret: string;
  keys: SigningKey[];
  /** Cloudflare's own key behind `POST /stream/{uid}/token`; never shown to clients. */
  tokenKey: { id: string; privatePem: string; publicJwk: JWK };
  liveNotification: LiveNotificationDestination | null;
  storageLimitMinutes: number;
};

/**
 * Where a video's HLS comes from: its own encode, or the shared live source looped
 * (live broadcasts and their recordings). `segmentCount` bounds a recording; `liveSince` makes it a live window.
 */
export type Rendition = { kind: "encoded" } | { kind: "loop"; segmentCount: number | null; liveSince: number | null };

export type Caption = { language: string; label: string; generated: boolean; status: "ready" | "inprogress" | "error" };

export type Video = {
  uid: string;
  accountId: string;
  creator: string | null;
  meta: Record<string, unknown>;
  created: string;
  modified: string;
  uploaded: string | null;
  uploadExpiry: string | null;
  uploadKind: "direct" | "tus" | "basic" | "live";
  readyToStreamAt: string | null;
  state: VideoState;
  pctComplete: string | null;
  errorReasonCode: string;
  errorReasonText: string;
  duration: number;
  width: number;
  height: number;
  size: number | null;
  maxDurationSeconds: number | null;
  requireSignedURLs: boolean;
  allowedOrigins: string[];
  scheduledDeletion: string | null;
  thumbnailTimestampPct: number;
  liveInput: string | null;
  publicDetails: Record<string, unknown> | null;
  rendition: Rendition | null;
  captions: Caption[];
};

export type LiveInputStatus =
  | "connected"
  | "reconnected"
  | "reconnecting"
  | "client_disconnect"
  | "ttl_exceeded"
  | "failed_to_connect"
  | "failed_to_reconnect"
  | "new_configuration_accepted";

export type LiveRecordingSettings = {
  mode: "off" | "automatic";
  timeoutSeconds: number;
  requireSignedURLs: boolean;
  allowedOrigins: string[] | null;
  hideLiveViewerCount: boolean;
};

export type LiveInput = {
  uid: string;
  accountId: string;
  created: string;
  modified: string;
  meta: Record<string, unknown>;
  defaultCreator: string | null;
  deleteRecordingAfterDays: number | null;
  enabled: boolean;
  preferLowLatency: boolean;
  recording: LiveRecordingSettings;
  streamKey: string;
  srtPassphrase: string;
  webRtcSecret: string;
  keysRotatedAt: string | null;
  status: LiveInputStatus | null;
  /**
   * The broadcast in progress: when it started and the video recording it, if any. `protocol` is set for WHIP
   * (never recorded, no HLS); absent, the broadcast is a simulated RTMPS/SRT one.
   */
  session: { startedAt: number; videoUid: string | null; protocol?: "webrtc" } | null;
  viewers: number;
};

/** Minutes delivered by account id, then UTC day (`YYYY-MM-DD`), then video uid. */
export type DeliveryLedger = Record<string, Record<string, Record<string, number>>>;

export type State = {
  accounts: Account[];
  videos: Video[];
  liveInputs: LiveInput[];
  minutesDelivered: DeliveryLedger;
};
