import type { JsonWebKey } from "node:crypto";
import { cloudflareConnections, type Db, type DbOrTx } from "@marquee/db";
import type { StreamClient } from "@marquee/stream";
import { and, eq, isNotNull, or, sql } from "drizzle-orm";
import { AppError } from "../../errors";
import { type CloudflareDeps, streamClient } from "./environment";

export type TenantStream = {
  connectionId: string;
  source: "tenant" | "platform";
  client: StreamClient;
  customerDomain: string;
  signingKey: { id: string; jwk: JsonWebKey } | null;
};

/**
 * The Cloudflare account a tenant's video work goes to: its own when it has working
 * credentials, otherwise the platform default. Throws a user-facing error when neither.
 */
export async function resolveTenantStream(
  deps: CloudflareDeps & { db: DbOrTx },
  tenantId: string,
): Promise<TenantStream> {
  const rows = await deps.db
    .select()
    .from(cloudflareConnections)
    .where(
      or(
        and(
          eq(cloudflareConnections.source, "tenant"),
          eq(cloudflareConnections.tenantId, tenantId),
          isNotNull(cloudflareConnections.apiTokenSealed),
        ),
        eq(cloudflareConnections.source, "platform"),
      ),
    );
  const row =
    rows.find((r) => r.source === "tenant") ??
    (deps.cloudflare.platformDefault ? rows.find((r) => r.source === "platform") : undefined);
  if (!row?.apiTokenSealed) {
    throw new AppError(
      "BAD_REQUEST",
      "Cloudflare is not set up for this organization yet: an admin can connect it in Settings → Cloudflare.",
    );
  }
  const credentials = {
    accountId: row.accountId,
    customerCode: row.customerCode,
    apiToken: deps.secrets.open(row.apiTokenSealed),
  };
  return {
    connectionId: row.id,
    source: row.source,
    client: streamClient(deps.cloudflare, credentials),
    customerDomain: deps.cloudflare.customerDomainFor(row.customerCode),
    signingKey:
      row.signingKeyId && row.signingKeySealed
        ? { id: row.signingKeyId, jwk: JSON.parse(deps.secrets.open(row.signingKeySealed)) as JsonWebKey }
        : null,
  };
}

/** Playback needs no API call: the account's customer domain and signing key, by connection. */
const keyLookups = new WeakMap<DbOrTx, ReturnType<typeof prepareKeyLookup>>();

function prepareKeyLookup(db: DbOrTx) {
  return db
    .select({
      customerCode: cloudflareConnections.customerCode,
      signingKeyId: cloudflareConnections.signingKeyId,
      signingKeySealed: cloudflareConnections.signingKeySealed,
    })
    .from(cloudflareConnections)
    .where(eq(cloudflareConnections.id, sql.placeholder("connectionId")))
    .prepare("playback_key");
}

/** Playback needs no API call: the account's customer domain and signing key, by connection. */
export async function playbackKeyFor(deps: CloudflareDeps & { db: Db }, connectionId: string) {
  let lookup = keyLookups.get(deps.db);
  if (!lookup) {
    lookup = prepareKeyLookup(deps.db);
    keyLookups.set(deps.db, lookup);
  }
  const [row] = await lookup.execute({ connectionId });
  if (!row) throw new AppError("INTERNAL", "The video's Cloudflare account is missing.");
  return {
    customerDomain: deps.cloudflare.customerDomainFor(row.customerCode),
    signingKey:
      row.signingKeyId && row.signingKeySealed
        ? { id: row.signingKeyId, privateKey: deps.secrets.open(row.signingKeySealed) }
        : null,
  };
}

/** The API client of the account a video lives in (not necessarily the tenant's current one). */
export async function resolveConnectionClient(deps: CloudflareDeps & { db: DbOrTx }, connectionId: string) {
  const [row] = await deps.db.select().from(cloudflareConnections).where(eq(cloudflareConnections.id, connectionId));
  const credentials = row?.apiTokenSealed
    ? { accountId: row.accountId, customerCode: row.customerCode, apiToken: deps.secrets.open(row.apiTokenSealed) }
    : null;
  if (!credentials) {
    throw new AppError(
      "BAD_REQUEST",
      "The Cloudflare account holding this video is disconnected: reconnect it in Settings → Cloudflare.",
    );
  }
  return streamClient(deps.cloudflare, credentials);
}
