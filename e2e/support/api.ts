import { type APIRequestContext, expect } from "@playwright/test";
import { BASE_URL } from "./server";

/** Calls a tRPC mutation the way the SPAs do: superjson body, same-origin Origin header. */
export async function trpcMutation(
  request: APIRequestContext,
  path: string,
  input: Record<string, unknown>,
): Promise<unknown> {
  const response = await request.post(`/trpc/${path}`, { data: { json: input }, headers: { Origin: BASE_URL } });
  expect(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return response.json();
}
