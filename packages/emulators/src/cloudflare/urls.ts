const trim = (url: string) => url.replace(/\/+$/, "");

/** The API root to give the SDK as `baseURL`. */
export const apiBaseUrl = (baseUrl: string) => `${trim(baseUrl)}/client/v4`;

/**
 * Stands in for `https://customer-<code>.cloudflarestream.com`: playback paths (`/<uid or token>/manifest/video.m3u8`,
 * `/thumbnails/thumbnail.jpg`, `/iframe`, `/lifecycle`, ...) hang off it exactly as they do off the real host.
 */
export const customerDomainBase = (baseUrl: string, customerCode: string) =>
  `${trim(baseUrl)}/cdn/customer-${customerCode}`;

/** Stands in for `https://upload.videodelivery.net`. */
export const uploadBaseUrl = (baseUrl: string) => `${trim(baseUrl)}/upload`;

export const controlBaseUrl = (baseUrl: string) => `${trim(baseUrl)}/__emulator`;
