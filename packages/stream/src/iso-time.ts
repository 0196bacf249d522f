/** Cloudflare takes RFC 3339 strings; callers may hold Dates. */
export function toIsoTime(value: Date | string): string;
export function toIsoTime(value: Date | string | undefined): string | undefined;
export function toIsoTime(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}
