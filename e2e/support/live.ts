import { type APIRequestContext, expect } from "@playwright/test";
import { newPerson } from "./accounts";
import { trpcMutation } from "./api";
import { BASE_URL } from "./server";

type Mount = "admin" | "portal";

/**
 * A tRPC call for one organization, the way the SPAs make it. Dates in the input are sent
 * as superjson Dates, which the class procedures require.
 */
async function tenantCall<T>(
  request: APIRequestContext,
  target: { mount: Mount; tenantSlug: string; path: string },
  input: Record<string, unknown>,
  method: "query" | "mutation" = "mutation",
): Promise<T> {
  const json: Record<string, unknown> = {};
  const values: Record<string, ["Date"]> = {};
  for (const [key, value] of Object.entries(input)) {
    json[key] = value instanceof Date ? value.toISOString() : value;
    if (value instanceof Date) values[key] = ["Date"];
  }
  const body = Object.keys(values).length > 0 ? { json, meta: { values } } : { json };
  const headers = { Origin: BASE_URL, "x-tenant": target.tenantSlug };
  const url = `/trpc/${target.mount}/${target.path}`;
  const response =
    method === "query"
      ? await request.get(`${url}?input=${encodeURIComponent(JSON.stringify(body))}`, { headers })
      : await request.post(url, { data: body, headers });
  expect(response.ok(), `${target.path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  const answer = (await response.json()) as { result: { data: { json: T } } };
  return answer.result.data.json;
}

type ClassSpec = { title: string; startsAt: Date; durationMinutes?: number; priceTokens: number };

/** Schedules a class through the console API (as an owner, admin or instructor); returns its id. */
export async function scheduleClass(admin: APIRequestContext, tenantSlug: string, spec: ClassSpec): Promise<string> {
  const created = await tenantCall<{ id: string }>(
    admin,
    { mount: "admin", tenantSlug, path: "live.create" },
    {
      title: spec.title,
      description: "",
      scheduledStart: spec.startsAt,
      durationMinutes: spec.durationMinutes ?? 45,
      priceTokens: spec.priceTokens,
      keepRecording: true,
    },
  );
  return created.id;
}

export async function cancelClass(admin: APIRequestContext, tenantSlug: string, classId: string) {
  await tenantCall(admin, { mount: "admin", tenantSlug, path: "live.cancel" }, { id: classId });
}

/** Adds (or, negative, removes) tokens to a member's wallet as a tenant admin. */
export async function adjustTokens(admin: APIRequestContext, tenantSlug: string, email: string, delta: number) {
  const members = await tenantCall<{ membershipId: string; email: string }[]>(
    admin,
    { mount: "admin", tenantSlug, path: "members.list" },
    { search: email },
    "query",
  );
  const member = members.find((candidate) => candidate.email === email);
  if (!member) throw new Error(`${email} is not a member of ${tenantSlug}`);
  await tenantCall(
    admin,
    { mount: "admin", tenantSlug, path: "members.adjustTokens" },
    { membershipId: member.membershipId, delta, note: "Set up by a browser test" },
  );
}

/** Enrolls the member signed in on `request` in a class, as the portal does. */
export async function enrollInClass(request: APIRequestContext, tenantSlug: string, classId: string) {
  await tenantCall(request, { mount: "portal", tenantSlug, path: "live.enroll" }, { id: classId });
}

/** A new person who signed up and joined the organization, signed in on `request` (a page's, usually). */
export async function joinAsNewMember(request: APIRequestContext, tenantSlug: string, label: string) {
  const person = newPerson(label);
  await trpcMutation(request, "portal/auth.signUp", {
    name: person.name,
    email: person.email,
    password: person.password,
  });
  await trpcMutation(request, "portal/tenant.join", { slug: tenantSlug });
  return person;
}
