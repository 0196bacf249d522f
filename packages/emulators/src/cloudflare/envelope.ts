import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type Message = { code: number; message: string };

/** Error codes the emulator answers with; see README for which are confirmed and which are our choice. */
export const codes = {
  authentication: 10000,
  invalidToken: 1000,
  expiredToken: 10003,
  notFound: 10003,
  badRequest: 10005,
  storageExceeded: 10011,
  rateLimited: 971,
  noRoute: 7003,
  internal: 10002,
} as const;

/** Thrown by handlers; the app's error handler turns it into Cloudflare's failure envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = "Not Found") => new ApiError(404, codes.notFound, what);
export const badRequest = (message: string) => new ApiError(400, codes.badRequest, message);

export function ok(c: Context, result: unknown, extra: Record<string, unknown> = {}, messages: Message[] = []) {
  return c.json({ result, success: true, errors: [], messages, ...extra });
}

export function failureBody(errors: Message[]) {
  return { result: null, success: false, errors, messages: [] };
}

export function fail(c: Context, status: ContentfulStatusCode, code: number, message: string) {
  return c.json(failureBody([{ code, message }]), status);
}
