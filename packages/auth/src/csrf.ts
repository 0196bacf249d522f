const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  /** The request's Host header: the browser cannot forge it for a cross-site request. */
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  /** Origins trusted besides the request's own host (e.g. the public URL behind a proxy). */
  trustedOrigins: readonly string[];
};

/**
 * CSRF defence for cookie-authenticated requests: a state-changing request must come
 * from our own origin. Browsers send `Sec-Fetch-Site` and/or `Origin` on every
 * cross-site POST, so a request carrying neither is not a browser request a foreign
 * page could have triggered, and is allowed (CLI tools, server-to-server).
 */
export function isTrustedRequestOrigin(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  if (input.secFetchSite && input.secFetchSite !== "same-origin" && input.secFetchSite !== "none") {
    return false;
  }
  if (!input.origin) return true;
  if (input.origin === "null") return false;
  let originUrl: URL;
  try {
    originUrl = new URL(input.origin);
  } catch {
    return false;
  }
  if (input.host && originUrl.host === input.host) return true;
  return input.trustedOrigins.some((trusted) => new URL(trusted).origin === originUrl.origin);
}
