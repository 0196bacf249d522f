import type { Context } from "hono";
import type { Emulator } from "./context.ts";
import type { Playable } from "./hls.ts";
import { accessAllowed, type PlaybackClaims, verifyPlaybackToken } from "./signing.ts";
import type { Account, LiveInput, Video } from "./types.ts";

export type Target = { account: Account; video: Video | null; input: LiveInput | null; claims: PlaybackClaims | null };

/** `*.x.com` matches subdomains only; other entries match the host (with its port) exactly (fact sheet §5.4). */
export function originAllowed(allowed: string[], origin: string | undefined): boolean {
  if (allowed.length === 0 || !origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return allowed.some(
    (entry) => entry === "*" || entry === host || (entry.startsWith("*.") && host.endsWith(entry.slice(1))),
  );
}

type Outcome = Target | { status: 401 | 403 | 404; message: string };

/** The account behind `customer-<code>`, the customer domain's first path segment. */
export function accountOfCustomer(emu: Emulator, segment: string | undefined) {
  const code = /^customer-([a-z0-9]+)$/.exec(segment ?? "")?.[1];
  return code ? emu.store.accountByCustomerCode(code) : undefined;
}

/**
 * Resolves `/<uid or token>` on the customer domain. A token stands in for the uid (its `sub` names the video or
 * live input); `requireSignedURLs` content accepts nothing else. Live inputs apply their recording settings.
 */
export async function resolveTarget(emu: Emulator, c: Context, options: { requireSigning: boolean }): Promise<Outcome> {
  const account = accountOfCustomer(emu, c.req.param("customer"));
  if (!account) return { status: 404, message: "Unknown customer domain" };
  const id = c.req.param("id") ?? "";
  let claims: PlaybackClaims | null = null;
  let uid = id;
  if (id.includes(".")) {
    claims = await verifyPlaybackToken(account, id, emu.clock.now());
    if (!claims) return { status: 401, message: "Invalid, expired or revoked signed URL token" };
    uid = claims.sub;
  }
  const video = emu.store.video(account.id, uid) ?? null;
  const input = video ? null : (emu.store.liveInput(account.id, uid) ?? null);
  // A token whose `sub` names nothing on this account (another tenant's video, a deleted one) grants nothing.
  if (!video && !input)
    return claims
      ? { status: 401, message: "The token's sub is not a video of this account" }
      : { status: 404, message: "Video not found" };
  const signed = video ? video.requireSignedURLs : (input?.recording.requireSignedURLs ?? false);
  if (options.requireSigning && signed && !claims)
    return { status: 401, message: "This video requires a signed URL token" };
  if (claims) {
    const ip = c.req.header("cf-connecting-ip") ?? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
    if (!accessAllowed(claims.accessRules, ip, c.req.header("cf-ipcountry") ?? null)) {
      return { status: 403, message: "Blocked by the token's access rules" };
    }
  }
  const origins = video ? video.allowedOrigins : (input?.recording.allowedOrigins ?? []);
  if (!originAllowed(origins, c.req.header("origin"))) return { status: 403, message: "Origin not allowed" };
  return { account, video, input, claims };
}

/** What a target plays right now: a ready or live video, or a live input's current broadcast; null if nothing. */
export async function playableOf(emu: Emulator, target: Target): Promise<Playable | null> {
  const live = target.input?.session;
  const video =
    target.video ??
    (live?.videoUid && target.input ? (emu.store.video(target.input.accountId, live.videoUid) ?? null) : null);
  if (video?.rendition && (video.state === "ready" || video.state === "live-inprogress")) {
    const { uid, rendition, width, height, captions, duration } = video;
    return { uid, rendition, width, height, captions, duration };
  }
  // A WHIP broadcast plays over WHEP only.
  if (target.input && live && live.protocol !== "webrtc") {
    // Recording off: the broadcast plays but no video is kept.
    const { width, height } = await emu.liveSource();
    const rendition = { kind: "loop" as const, segmentCount: null, liveSince: live.startedAt };
    return { uid: target.input.uid, rendition, width, height, captions: [], duration: -1 };
  }
  return null;
}
