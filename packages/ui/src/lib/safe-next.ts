/**
 * The `?next=` target if it is a path on this site, else the fallback: an open redirect
 * would let a phishing link bounce users to another site straight after they sign in.
 */
export function safeNext(next: string | null, fallback = "/"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

/** `/sign-in?next=...` for the given return path; the home page needs no `next`. */
export function withNext(path: string, next: string | null): string {
  return next && next !== "/" ? `${path}?next=${encodeURIComponent(next)}` : path;
}
