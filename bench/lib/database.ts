import { createSession, hashPassword } from "@marquee/auth";
import {
  type DatabaseHandle,
  type MembershipRole,
  memberships,
  migrateDatabase,
  migrationsFolder,
  openDatabase,
  tenants,
  users,
} from "@marquee/db";
import postgres from "postgres";

export type BenchDatabase = {
  name: string;
  url: string;
  /** Process ids of the PostgreSQL backends serving the bench database, to account their CPU. */
  backendPids: () => Promise<number[]>;
  drop: () => Promise<void>;
};
export type Fixture = { userId: string; email: string; tenantId: string; tenantSlug: string; token: string };
export type PostgresHandle = Extract<DatabaseHandle, { driver: "postgres" }>;

/** A throwaway database next to the one DATABASE_URL names, so nobody's data is touched. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `marquee_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    backendPids: async () => {
      const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name}`;
      return rows.map((row) => row.pid);
    },
    drop: async () => {
      try {
        // FORCE ends connections a killed child may have left behind.
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
  };
}

/** A short-lived connection for seeding; closed whatever `work` does. */
export async function withDatabase<T>(url: string, work: (handle: PostgresHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ url, maxConnections: 2 });
  try {
    if (handle.driver !== "postgres") throw new Error("the bench needs PostgreSQL");
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/**
 * One signed-in user with an active and an archived organization (the query must filter the
 * latter out), among a few thousand other users and sessions so the lookups go through indexes.
 * `role` is the user's role in the active one.
 */
export function seedFixture(url: string, role: MembershipRole = "owner"): Promise<Fixture> {
  return withDatabase(url, async (handle) => {
    await migrateDatabase(handle, migrationsFolder);
    await handle.client`
      insert into users (email, name, password_hash)
      select 'other-' || g || '@bench.test', 'Other ' || g, 'not-a-hash' from generate_series(1, 2000) g`;
    await handle.client`
      insert into sessions (id, secret_hash, user_id, expires_at)
      select 'other-session-' || u.email, md5(u.email), u.id, now() + interval '30 days' from users u`;

    const email = "bench@bench.test";
    const passwordHash = await hashPassword("bench-password-1234");
    const [user] = await handle.db
      .insert(users)
      .values({ email, name: "Bench User", passwordHash })
      .returning({ id: users.id });
    if (!user) throw new Error("could not insert the bench user");
    const [active, archived] = await handle.db
      .insert(tenants)
      .values([
        { slug: "bench-dojo", name: "Bench Dojo", status: "active" },
        { slug: "bench-archive", name: "Bench Archive", status: "archived" },
      ])
      .returning({ id: tenants.id });
    if (!active || !archived) throw new Error("could not insert the bench tenants");
    await handle.db.insert(memberships).values([
      { tenantId: active.id, userId: user.id, role },
      { tenantId: archived.id, userId: user.id, role: "member" },
    ]);
    const { token } = await createSession(handle.db, user.id);
    return { userId: user.id, email, tenantId: active.id, tenantSlug: "bench-dojo", token };
  });
}
