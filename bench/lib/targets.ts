import type { ChildServer } from "./child-server.ts";
import type { Fixture } from "./database.ts";
import { dig, type Target } from "./measure.ts";

/** What the targets on one Marquee server share: its tRPC base, the member's cookie, the processes. */
export type MarqueeBase = Pick<Target, "headers" | "serverPid" | "databasePids"> & { trpc: string };

export function marqueeBase(
  server: ChildServer,
  fixture: Fixture,
  databasePids: () => Promise<number[]>,
  headers: Record<string, string> = {},
): MarqueeBase {
  return {
    trpc: `http://127.0.0.1:${server.port}/trpc/portal`,
    headers: { cookie: `marquee_session=${fixture.token}`, ...headers },
    serverPid: server.pid,
    databasePids,
  };
}

export const trpcData = (body: unknown) => dig(body, "result", "data", "json");

/** A tRPC GET: superjson wraps the input as `{ json: … }`. */
export function trpcQueryUrl(trpc: string, path: string, input?: unknown): string {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return `${trpc}/${path}${query}`;
}

/** The ceiling of a tRPC procedure on this server: what every other target is compared with. */
export function trivialTarget({ trpc, ...base }: MarqueeBase): Target {
  return {
    ...base,
    label: "trivial (system.ping)",
    url: `${trpc}/system.ping`,
    check: (body) => (dig(trpcData(body), "ok") === true ? null : "expected { ok: true }"),
  };
}

/** Both auth.me variants must return exactly the bench user and their one active organization. */
function authMeCheck(fixture: Fixture, payload: (body: unknown) => unknown) {
  return (body: unknown) => {
    const data = payload(body);
    if (dig(data, "user", "id") !== fixture.userId) return "not the bench user";
    const memberships = dig(data, "memberships");
    if (!Array.isArray(memberships) || memberships.length !== 1) return "expected exactly one active membership";
    return dig(memberships, 0, "slug") === fixture.tenantSlug ? null : "wrong membership";
  };
}

/** In this order: trivial, auth.me, bare; the ratios read them by position. */
export function buildTargets(
  fixture: Fixture,
  servers: { marquee: ChildServer; bare: ChildServer },
  databasePids: () => Promise<number[]>,
): [Target, Target, Target] {
  const marquee = marqueeBase(servers.marquee, fixture, databasePids);
  const { trpc, ...shared } = marquee;
  return [
    trivialTarget(marquee),
    { ...shared, label: "auth.me", url: `${trpc}/auth.me`, check: authMeCheck(fixture, trpcData) },
    {
      headers: shared.headers,
      databasePids,
      serverPid: servers.bare.pid,
      label: "bare node:http + postgres.js",
      url: `http://127.0.0.1:${servers.bare.port}/me`,
      check: authMeCheck(fixture, (body) => body),
    },
  ];
}
