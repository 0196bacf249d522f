import { badRequest } from "./envelope.ts";

export type Body = Record<string, unknown>;

export function optionalString(body: Body, key: string, maxLength = 1024): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length > maxLength)
    throw badRequest(`${key} must be a string of at most ${maxLength} characters`);
  return value;
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw badRequest(`${key} must be a boolean`);
  return value;
}

export function optionalNumber(body: Body, key: string, min: number, max: number): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw badRequest(`${key} must be a number between ${min} and ${max}`);
  }
  return value;
}

export function optionalDate(body: Body, key: string): string | null | undefined {
  const value = body[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
    throw badRequest(`${key} must be an RFC 3339 date-time`);
  return new Date(value).toISOString();
}

export function optionalStringList(body: Body, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string"))
    throw badRequest(`${key} must be an array of strings`);
  return value;
}

export function optionalObject(body: Body, key: string): Body | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest(`${key} must be an object`);
  return value as Body;
}

export async function jsonBody(request: { json: () => Promise<unknown> }): Promise<Body> {
  const body = await request.json().catch(() => ({}));
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Body) : {};
}

const day = 86_400_000;

/** `scheduledDeletion` must fall 30–1,096 days after the video's creation (fact sheet §3.6, §3.8). */
export function checkScheduledDeletion(value: string | null | undefined, created: string) {
  if (value === undefined || value === null) return;
  const days = (Date.parse(value) - Date.parse(created)) / day;
  if (days < 30 || days > 1096)
    throw badRequest("scheduledDeletion must be between 30 and 1,096 days after the video was created");
}
