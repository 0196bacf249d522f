// Playback URLs on the account's customer domain. `id` is a video uid, a live input uid, or a
// signed token, which takes the uid's place in every path. No Node imports: the SPAs use this too.

export type PlaybackUrls = { hls: string; dash: string };

export type IframeOptions = {
  autoplay?: boolean;
  muted?: boolean;
  controls?: boolean;
  loop?: boolean;
  preload?: "none" | "metadata" | "auto";
  /** With signed URLs, the poster thumbnail needs the token too. */
  poster?: string;
  /** Seconds, or a form such as "1h12m27s". */
  startTime?: number | string;
  /** BCP 47 tag. */
  defaultTextTrack?: string;
  primaryColor?: string;
  letterboxColor?: string;
};

export type ThumbnailFit = "crop" | "clip" | "scale" | "fill";

export type ThumbnailOptions = {
  /** Seconds into the video, or a form such as "1m5s". */
  time?: number | string;
  width?: number;
  height?: number;
  fit?: ThumbnailFit;
};

export function customerDomainFor(customerCode: string): string {
  if (!/^[a-z0-9]+$/i.test(customerCode)) throw new TypeError("A customer code has only letters and digits");
  return `https://customer-${customerCode.toLowerCase()}.cloudflarestream.com`;
}

/** Accepts "customer-x.cloudflarestream.com", with or without scheme and trailing slash. */
export function normalizeCustomerDomain(domain: string): string {
  const withScheme = /^https?:\/\//i.test(domain) ? domain : `https://${domain}`;
  return withScheme.replace(/\/+$/, "");
}

function base(domain: string, id: string): string {
  return `${normalizeCustomerDomain(domain)}/${encodeURIComponent(id)}`;
}

function withQuery(url: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  const text = query.toString();
  return text === "" ? url : `${url}?${text}`;
}

function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function timeParam(value: number | string | undefined): string | undefined {
  return typeof value === "number" ? `${value}s` : value;
}

export function playbackUrls(customerDomain: string, id: string): PlaybackUrls {
  const root = base(customerDomain, id);
  return { hls: `${root}/manifest/video.m3u8`, dash: `${root}/manifest/video.mpd` };
}

/** Only the options given go into the URL, so the player's own defaults apply to the rest. */
export function iframeUrl(customerDomain: string, id: string, options: IframeOptions = {}): string {
  return withQuery(`${base(customerDomain, id)}/iframe`, {
    autoplay: flag(options.autoplay),
    muted: flag(options.muted),
    controls: flag(options.controls),
    loop: flag(options.loop),
    preload: options.preload,
    poster: options.poster,
    startTime: options.startTime === undefined ? undefined : String(options.startTime),
    defaultTextTrack: options.defaultTextTrack,
    primaryColor: options.primaryColor,
    letterboxColor: options.letterboxColor,
  });
}

export function thumbnailUrl(customerDomain: string, id: string, options: ThumbnailOptions = {}): string {
  return withQuery(`${base(customerDomain, id)}/thumbnails/thumbnail.jpg`, {
    time: timeParam(options.time),
    width: options.width === undefined ? undefined : String(Math.round(options.width)),
    height: options.height === undefined ? undefined : String(Math.round(options.height)),
    fit: options.fit,
  });
}
