import type { Emulator } from "./context.ts";
import { ApiError, badRequest, codes } from "./envelope.ts";
import { randomHex } from "./ids.ts";
import type { Account, Video } from "./types.ts";
import {
  type Body,
  checkScheduledDeletion,
  optionalBoolean,
  optionalDate,
  optionalNumber,
  optionalObject,
  optionalString,
  optionalStringList,
} from "./validate.ts";

/** The direct_upload limit today; the 2024 spec said 21,600 (fact sheet §3.4). */
export const maxDurationLimit = 36_000;

export function createVideo(emu: Emulator, accountId: string, fields: Partial<Video>): Video {
  const now = emu.clock.stamp();
  const video: Video = {
    uid: randomHex(16),
    accountId,
    creator: null,
    meta: {},
    created: now,
    modified: now,
    uploaded: null,
    uploadExpiry: null,
    uploadKind: "basic",
    readyToStreamAt: null,
    state: "pendingupload",
    pctComplete: null,
    errorReasonCode: "",
    errorReasonText: "",
    duration: -1,
    width: -1,
    height: -1,
    size: null,
    maxDurationSeconds: null,
    requireSignedURLs: false,
    allowedOrigins: [],
    scheduledDeletion: null,
    thumbnailTimestampPct: 0,
    liveInput: null,
    publicDetails: null,
    rendition: null,
    captions: [],
    ...fields,
  };
  emu.store.state.videos.push(video);
  emu.store.changed();
  return video;
}

/** Upload options shared by direct_upload, basic upload and TUS metadata, validated as the API does. */
export function uploadFields(emu: Emulator, body: Body, creatorHeader: string | undefined): Partial<Video> {
  const fields = commonVideoFields(body);
  if (fields.creator === undefined && creatorHeader !== undefined) fields.creator = creatorHeader;
  const scheduledDeletion = optionalDate(body, "scheduledDeletion");
  checkScheduledDeletion(scheduledDeletion, emu.clock.now().toISOString());
  if (scheduledDeletion) fields.scheduledDeletion = scheduledDeletion;
  return fields;
}

/** Upload expiry: default now + 30 minutes; must lie in the future. */
export function uploadExpiry(emu: Emulator, body: Body): string {
  const expiry = optionalDate(body, "expiry");
  const now = emu.clock.now().getTime();
  if (expiry && Date.parse(expiry) <= now) throw badRequest("expiry must be in the future");
  return expiry ?? new Date(now + 30 * 60_000).toISOString();
}

const isReservation = (emu: Emulator, video: Video) =>
  video.state === "pendingupload" &&
  video.maxDurationSeconds !== null &&
  (video.uploadExpiry === null || Date.parse(video.uploadExpiry) > emu.clock.now().getTime());

/**
 * Stored minutes: durations of stored videos plus the `maxDurationSeconds` reserved by pending uploads whose
 * link has not expired; errored videos count for nothing (fact sheet §3.4, §11).
 */
export function storageUsage(emu: Emulator, accountId: string, creator?: string) {
  const videos = emu.store.state.videos.filter((v) => v.accountId === accountId && (!creator || v.creator === creator));
  let seconds = 0;
  for (const video of videos) {
    if (isReservation(emu, video)) seconds += video.maxDurationSeconds ?? 0;
    else if (video.state !== "error" && video.duration > 0) seconds += Math.ceil(video.duration);
  }
  return { minutes: Math.round((seconds / 60) * 1000) / 1000, videoCount: videos.length };
}

/** Refuses a new upload or broadcast when it would not fit in the account's storage. */
export function assertStorage(emu: Emulator, account: Account, reserveSeconds: number) {
  const { minutes } = storageUsage(emu, account.id);
  if (minutes + reserveSeconds / 60 > account.storageLimitMinutes) {
    throw new ApiError(413, codes.storageExceeded, "Storage capacity exceeded: delete videos or buy more storage");
  }
}

/** The fields an upload and an edit (`POST /stream/{uid}`) both accept, validated as the API does. */
export function commonVideoFields(body: Body): Partial<Video> {
  const fields: Partial<Video> = {};
  const creator = optionalString(body, "creator", 64);
  if (creator !== undefined) fields.creator = creator;
  const meta = optionalObject(body, "meta");
  if (meta) fields.meta = meta;
  const allowedOrigins = optionalStringList(body, "allowedOrigins");
  if (allowedOrigins) fields.allowedOrigins = allowedOrigins;
  const requireSignedURLs = optionalBoolean(body, "requireSignedURLs");
  if (requireSignedURLs !== undefined) fields.requireSignedURLs = requireSignedURLs;
  const thumbnailTimestampPct = optionalNumber(body, "thumbnailTimestampPct", 0, 1);
  if (thumbnailTimestampPct !== undefined) fields.thumbnailTimestampPct = thumbnailTimestampPct;
  const maxDurationSeconds = optionalNumber(body, "maxDurationSeconds", 1, maxDurationLimit);
  if (maxDurationSeconds !== undefined) fields.maxDurationSeconds = Math.round(maxDurationSeconds);
  return fields;
}
