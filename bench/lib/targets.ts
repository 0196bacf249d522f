import type { ChildServer } from "./child-server.ts";
import type { Fixture } from "./database.ts";
import { dig, type Target } from "./measure.ts";

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

const trpcData = (body: unknown) => dig(body, "result", "data", "json");

/** In this order: trivial, auth.me, bare; the ratios read them by position. */
export function buildTargets(
  fixture: Fixture,
  servers: { marquee: ChildServer; bare: ChildServer },
  databasePids: () => Promise<number[]>,
): [Target, Target, Target] {
  const headers = { cookie: `marquee_session=${fixture.token}` };
  const marquee = { headers, databasePids, serverPid: servers.marquee.pid };
  const trpc = `http://127.0.0.1:${servers.marquee.port}/trpc/portal`;
  return [
    {
      ...marquee,
      label: "trivial (system.ping)",
      url: `${trpc}/system.ping`,
      check: (body) => (dig(trpcData(body), "ok") === true ? null : "expected { ok: true }"),
    },
    { ...marquee, label: "auth.me", url: `${trpc}/auth.me`, check: authMeCheck(fixture, trpcData) },
    {
      headers,
      databasePids,
      serverPid: servers.bare.pid,
      label: "bare node:http + postgres.js",
      url: `http://127.0.0.1:${servers.bare.port}/me`,
      check: authMeCheck(fixture, (body) => body),
    },
  ];
}
