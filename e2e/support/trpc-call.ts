import { type APIRequestContext, expect } from "@playwright/test";
import { ownAddress } from "./api";
import { BASE_URL } from "./server";

type Router = "admin" | "portal";
type Options = { tenant?: string; method?: "query" | "mutation" };

/**
 * A fresh connection for each call: the server closes keep-alive connections after 5 s idle,
 * and a call that reuses one at that instant fails with ECONNRESET.
 */
export const FRESH_CONNECTION = { connection: "close" } as const;

/** superjson's wire form for a flat input: Dates travel as ISO strings, named in `meta`. */
function serialize(input: Record<string, unknown>) {
  const json: Record<string, unknown> = {};
  const values: Record<string, ["Date"]> = {};
  for (const [key, value] of Object.entries(input)) {
    json[key] = value instanceof Date ? value.toISOString() : value;
    if (value instanceof Date) values[key] = ["Date"];
  }
  return Object.keys(values).length > 0 ? { json, meta: { values } } : { json };
}

/**
 * Calls a procedure of the console (`admin`) or portal API the way the SPAs do: superjson
 * body, same-origin Origin header, the organization in `x-tenant`. Returns the plain JSON
 * result (Dates come back as ISO strings).
 */
export async function trpcCall<T>(
  request: APIRequestContext,
  router: Router,
  path: string,
  input: Record<string, unknown>,
  { tenant, method = "mutation" }: Options = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...FRESH_CONNECTION,
    Origin: BASE_URL,
    ...(tenant ? { "x-tenant": tenant } : {}),
    ...(path === "auth.signUp" ? ownAddress() : {}),
  };
  const url = `/trpc/${router}/${path}`;
  const body = serialize(input);
  const response =
    method === "query"
      ? await request.get(`${url}?input=${encodeURIComponent(JSON.stringify(body))}`, { headers })
      : await request.post(url, { data: body, headers });
  expect(response.ok(), `${router}.${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  const payload = (await response.json()) as { result: { data: { json: T } } };
  return payload.result.data.json;
}
