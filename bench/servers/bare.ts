import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import postgres from "postgres";
import { announceAndServe } from "./announce.ts";

/**
 * The floor for auth.me: the same cookie parsing, the same two queries and the same checks
 * as validateSessionToken + listUserMemberships, with no framework and no ORM.
 */

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");

// Same pool size as openDatabase's default, so the comparison is about code, not connections.
const sql = postgres(url, { max: 10, onnotice: () => {}, connection: { application_name: "marquee-bench-bare" } });

const COOKIE = "marquee_session";
const DAY_MS = 24 * 60 * 60 * 1000;
const LIFETIME_MS = 30 * DAY_MS;
const RENEW_WITHIN_MS = 15 * DAY_MS;

type SessionRow = {
  id: string;
  secretHash: string;
  expiresAt: Date;
  userId: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
};

function readToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

async function validate(token: string, now: Date) {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  const [row] = await sql<SessionRow[]>`
    select s.id, s.secret_hash as "secretHash", s.expires_at as "expiresAt", u.id as "userId",
           u.email, u.name, u.is_platform_admin as "isPlatformAdmin"
    from sessions s inner join users u on u.id = s.user_id
    where s.id = ${id} limit 1`;
  if (!row) return null;
  const actual = createHash("sha256").update(secret).digest("hex");
  const expected = Buffer.from(row.secretHash);
  if (expected.length !== actual.length || !timingSafeEqual(expected, Buffer.from(actual))) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await sql`delete from sessions where id = ${id}`;
    return null;
  }
  if (row.expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS) {
    await sql`update sessions set expires_at = ${new Date(now.getTime() + LIFETIME_MS)} where id = ${id}`;
  }
  return { id: row.userId, email: row.email, name: row.name, isPlatformAdmin: row.isPlatformAdmin };
}

function listMemberships(userId: string) {
  return sql`
    select t.id as "tenantId", t.slug, t.name, t.status, m.role
    from memberships m inner join tenants t on t.id = m.tenant_id
    where m.user_id = ${userId} and t.status = ${"active"}
    order by t.name asc`;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  if (req.url !== "/me") return send(res, 404, { error: "not found" });
  const token = readToken(req.headers.cookie);
  (async () => {
    const user = token ? await validate(token, new Date()) : null;
    if (!user) return send(res, 401, null);
    const memberships = await listMemberships(user.id);
    send(res, 200, { user, memberships });
  })().catch((error: unknown) => {
    console.error(error);
    send(res, 500, { error: "internal" });
  });
});

server.listen(0, "127.0.0.1", () => announceAndServe(server, () => sql.end({ timeout: 5 })));
