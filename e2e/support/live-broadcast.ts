import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
} from "@playwright/test";
import { DEMO_PASSWORD, newPerson } from "./accounts";
import { FRESH_CONNECTION, trpcCall } from "./trpc-call";

export const TENANT = "demo-dojo";
/** The Cloudflare emulator the server mounts; its control API stands in for an RTMPS encoder. */
export const EMULATOR = "/emulators/cloudflare";
export const INSTRUCTOR = { email: "instructor@demo-dojo.local", name: "Ivan Instructor" };
export const ADMIN = { email: "admin@demo-dojo.local", name: "Ada Admin" };

export type StaffClass = { id: string; title: string; liveInputUid: string; status: string };
export type WatchState =
  | { state: "live"; player: { kind: "whep" | "hls"; url: string } }
  | { state: "replay"; hls: string; replayUntil: string }
  | { state: "scheduled" | "replay_processing" | "not_enrolled" | "cancelled" | "replay_expired" };

/**
 * A browser context signed in as `email`. Signed in here rather than from a saved state,
 * which runs against other ports may overwrite meanwhile.
 */
export async function signedInContext(
  browser: Browser,
  email: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, storageState: { cookies: [], origins: [] } });
  await trpcCall(context.request, "admin", "auth.signIn", { email, password: DEMO_PASSWORD });
  return context;
}

/** A person who has just signed up and joined the demo organization, signed in in a new context. */
export async function newMemberContext(browser: Browser, label: string) {
  const person = newPerson(label);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await trpcCall(context.request, "portal", "auth.signUp", {
    name: person.name,
    email: person.email,
    password: person.password,
  });
  await trpcCall(context.request, "portal", "tenant.join", { slug: TENANT });
  return { context, person };
}

export const staffCall = <T>(staff: APIRequestContext, path: string, input: Record<string, unknown>, query = false) =>
  trpcCall<T>(staff, "admin", path, input, { tenant: TENANT, method: query ? "query" : "mutation" });

export const memberCall = <T>(member: APIRequestContext, path: string, input: Record<string, unknown>, query = false) =>
  trpcCall<T>(member, "portal", path, input, { tenant: TENANT, method: query ? "query" : "mutation" });

/** Sets a member's token balance to exactly `balance`, as an admin adjusting it in the console would. */
export async function setTokenBalance(admin: APIRequestContext, email: string, balance: number) {
  type Row = { membershipId: string; email: string; tokenBalance: number };
  const members = await staffCall<Row[]>(admin, "members.list", { search: email }, true);
  const member = members.find((candidate) => candidate.email === email);
  if (!member) throw new Error(`${email} is not a member of ${TENANT}`);
  const delta = balance - member.tokenBalance;
  if (delta === 0) return;
  await staffCall(admin, "members.adjustTokens", {
    membershipId: member.membershipId,
    delta,
    note: "Tokens for a live class",
  });
}

export type ClassSpec = { title: string; priceTokens: number; startsInMinutes?: number; durationMinutes?: number };

export function createClass(staff: APIRequestContext, spec: ClassSpec) {
  return staffCall<StaffClass>(staff, "live.create", {
    title: spec.title,
    description: "A live class made by the browser tests.",
    scheduledStart: new Date(Date.now() + (spec.startsInMinutes ?? 30) * 60_000),
    durationMinutes: spec.durationMinutes ?? 60,
    priceTokens: spec.priceTokens,
    keepRecording: true,
  });
}

/** The customer domain a WHIP or WHEP URL hangs off (`<domain>/<secret or id>/webRTC/...`). */
export const customerDomainOf = (signallingUrl: string) => signallingUrl.replace(/\/[^/]+\/webRTC\/\w+$/, "");

/** The emulator's view of an input: is a WHIP broadcaster live on it, and how many WHEP viewers it has. */
export async function webRtcStatus(request: APIRequestContext, inputUid: string) {
  const response = await request.get(`${EMULATOR}/__emulator/live_inputs/${inputUid}/webrtc`, {
    headers: FRESH_CONNECTION,
  });
  expect(response.ok(), `webrtc status answered ${response.status()}`).toBe(true);
  return (await response.json()) as { publishing: boolean; viewers: number };
}

/** Cloudflare's public "is it live?" answer for an input (`/lifecycle` on the customer domain). */
export async function lifecycle(request: APIRequestContext, customerDomain: string, inputUid: string) {
  const response = await request.get(`${customerDomain}/${inputUid}/lifecycle`, { headers: FRESH_CONNECTION });
  expect(response.ok(), `lifecycle answered ${response.status()}`).toBe(true);
  return (await response.json()) as { isInput: boolean; videoUID: string | null; live: boolean };
}

/** Starts or stops the emulator's simulated RTMPS encoder on an input. */
export async function simulateEncoder(request: APIRequestContext, inputUid: string, action: "connect" | "disconnect") {
  const response = await request.post(`${EMULATOR}/__emulator/live_inputs/${inputUid}/${action}`, {
    headers: FRESH_CONNECTION,
  });
  expect(response.ok(), `encoder ${action} answered ${response.status()}: ${await response.text()}`).toBe(true);
}
