import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isTRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

export type FieldErrors = Record<string, string[] | undefined>;

export type UserError = {
  /** A sentence for the user: the server writes its messages that way. */
  message: string;
  /** First message per input field, from zod validation or a service error tied to a field. */
  fieldErrors: Record<string, string>;
  /** Messages that belong to the form as a whole. */
  formErrors: string[];
  code: string | null;
  httpStatus: number | null;
};

const NETWORK_MESSAGE = "We could not reach Marquee. Check your connection and try again.";
const UNEXPECTED_MESSAGE = "Something went wrong. Please try again.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function errorData(error: unknown): Record<string, unknown> | null {
  if (!isTRPCClientError(error)) return null;
  return isRecord(error.data) ? error.data : null;
}

export function errorStatus(error: unknown): number | null {
  const status = errorData(error)?.httpStatus;
  return typeof status === "number" ? status : null;
}

export function errorCode(error: unknown): string | null {
  const code = errorData(error)?.code;
  return typeof code === "string" ? code : null;
}

/** Turns whatever a query or mutation threw into something a form or a toast can show. */
export function toUserError(error: unknown): UserError {
  const data = errorData(error);
  const fieldErrors: Record<string, string> = {};
  if (data && isRecord(data.fieldErrors)) {
    for (const [field, messages] of Object.entries(data.fieldErrors)) {
      const first = Array.isArray(messages) ? messages.find((m): m is string => typeof m === "string") : undefined;
      if (first) fieldErrors[field] = first;
    }
  }
  const formErrors = Array.isArray(data?.formErrors)
    ? data.formErrors.filter((m): m is string => typeof m === "string")
    : [];
  return {
    message: messageOf(error, data),
    fieldErrors,
    formErrors,
    code: errorCode(error),
    httpStatus: errorStatus(error),
  };
}

function messageOf(error: unknown, data: Record<string, unknown> | null): string {
  // A tRPC error without data never reached our API: offline, a proxy error page, a dropped connection.
  if (isTRPCClientError(error)) return data && error.message ? error.message : NETWORK_MESSAGE;
  return UNEXPECTED_MESSAGE;
}

/** The one-line message for a toast or an error state. */
export function errorMessage(error: unknown): string {
  return toUserError(error).message;
}

/**
 * Shows a server error on a react-hook-form form: each field error under its field, and
 * anything that belongs to no field (form errors, or the message itself) as `errors.root.server`.
 */
export function applyServerErrors<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, "setError" | "getValues">,
  error: unknown,
): UserError {
  const userError = toUserError(error);
  const values = form.getValues();
  let placed = 0;
  for (const [field, message] of Object.entries(userError.fieldErrors)) {
    if (!(field in values)) continue;
    // `field` is a key of the form's values, so it is one of the form's paths.
    form.setError(field as Path<T>, { type: "server", message }, { shouldFocus: placed === 0 });
    placed++;
  }
  const rootMessage = userError.formErrors[0] ?? (placed === 0 ? userError.message : null);
  if (rootMessage) form.setError("root.server", { type: "server", message: rootMessage });
  return userError;
}

/** Client errors (4xx) will not succeed on a retry; network failures and 5xx get one more try. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = errorStatus(error);
  if (status !== null && status >= 400 && status < 500) return false;
  return failureCount < 1;
}

export type QueryClientOptions = {
  /** Called when any query or mutation finds the session gone (expired, or revoked elsewhere). */
  onUnauthorized?: () => void;
};

export function createQueryClient({ onUnauthorized }: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    if (onUnauthorized && errorCode(error) === "UNAUTHORIZED") onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
