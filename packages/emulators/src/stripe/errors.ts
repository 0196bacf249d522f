import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorBody = {
  type: "invalid_request_error" | "idempotency_error" | "api_error";
  message: string;
  code?: string;
  param?: string;
};

/** Thrown by handlers; the app's error handler answers `{ error: body }` with the status, as Stripe does. */
export class StripeApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

const invalid = (status: ContentfulStatusCode, message: string, code?: string, param?: string) =>
  new StripeApiError(status, {
    type: "invalid_request_error",
    message,
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
  });

export const missingParam = (param: string) =>
  invalid(400, `Missing required param: ${param}.`, "parameter_missing", param);

export const emptyParam = (param: string) =>
  invalid(
    400,
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    "parameter_invalid_empty",
    param,
  );

export const unknownParam = (param: string) =>
  invalid(400, `Received unknown parameter: ${param}`, "parameter_unknown", param);

export const invalidParam = (param: string, message: string, code?: string) => invalid(400, message, code, param);

/**
 * `No such price: 'price_x'`. A missing object named in the URL is a 404; one named by a parameter is a 400 with
 * that param, as on Stripe.
 */
export const noSuch = (kind: string, id: string, param?: string) =>
  invalid(param ? 400 : 404, `No such ${kind}: '${id}'`, "resource_missing", param);

export const badRequest = (message: string, param?: string) => invalid(400, message, undefined, param);

export const unrecognizedUrl = (method: string, path: string) =>
  invalid(
    404,
    `Unrecognized request URL (${method}: ${path}). The Stripe emulator answers only the subset of the API Marquee uses; see its README.`,
  );

export const invalidApiKey = (key: string | null) =>
  key
    ? invalid(401, `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`)
    : invalid(
        401,
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      );
