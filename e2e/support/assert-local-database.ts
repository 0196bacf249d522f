const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "postgres", "db"]);

/**
 * The browser tests create users and tenants. Refuse to run them against a database that is
 * not on this machine (or its compose network), so a stray DATABASE_URL cannot pollute production.
 */
export function assertLocalDatabase(databaseUrl: string | undefined): void {
  if (!databaseUrl) return;
  let host: string;
  try {
    host = new URL(databaseUrl).hostname;
  } catch {
    throw new Error("DATABASE_URL is not a valid URL; refusing to run the e2e tests against it.");
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`DATABASE_URL points at "${host}"; the e2e tests only run against a local database.`);
  }
}
