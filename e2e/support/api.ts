import { type APIRequestContext, expect } from "@playwright/test";
import { BASE_URL } from "./server";

/**
 * A private client address of its own, as a visitor behind the server's proxy would have:
 * accounts created through the API each count against their own sign-up limit.
 */
export function ownAddress(): { "X-Forwarded-For": string } {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return { "X-Forwarded-For": `10.${octet()}.${octet()}.${octet()}` };
}

/** Calls a tRPC mutation the way the SPAs do: superjson body, same-origin Origin header. */
export async function trpcMutation(
  request: APIRequestContext,
  path: string,
  input: Record<string, unknown>,
): Promise<unknown> {
  const headers = { Origin: BASE_URL, ...(path.endsWith("auth.signUp") ? ownAddress() : {}) };
  const response = await request.post(`/trpc/${path}`, { data: { json: input }, headers });
  expect(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return response.json();
}
