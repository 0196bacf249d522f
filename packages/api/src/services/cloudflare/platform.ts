import { maskSecret } from "@marquee/auth";
import { cloudflareConnections, type Db, type DbOrTx } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { AppError } from "../../errors";
import { type CloudflareDeps, streamClient } from "./environment";

const platformRow = (db: DbOrTx) =>
  db
    .select()
    .from(cloudflareConnections)
    .where(eq(cloudflareConnections.source, "platform"))
    .then((rows) => rows[0]);

/**
 * Mirrors the platform default account from the environment into its connection row,
 * and makes sure our webhook and a signing key exist on it. Called at start; a failure
 * to reach Cloudflare is reported to the caller (who logs it) and retried next start.
 */
export async function syncPlatformConnection(deps: CloudflareDeps & { db: Db; now: () => Date }) {
  const credentials = deps.cloudflare.platformDefault;
  if (!credentials) return null;
  let row = await platformRow(deps.db);
  const base = {
    accountId: credentials.accountId,
    customerCode: credentials.customerCode,
    apiTokenSealed: deps.secrets.seal(credentials.apiToken),
    apiTokenHint: maskSecret(credentials.apiToken),
    updatedAt: deps.now(),
  };
  if (row) {
    const accountChanged = row.accountId !== credentials.accountId;
    [row] = await deps.db
      .update(cloudflareConnections)
      .set({ ...base, ...(accountChanged ? { signingKeyId: null, signingKeySealed: null, webhookUrl: null } : {}) })
      .where(eq(cloudflareConnections.id, row.id))
      .returning();
  } else {
    [row] = await deps.db
      .insert(cloudflareConnections)
      .values({ source: "platform", ...base })
      .returning();
  }
  if (!row) throw new AppError("INTERNAL", "Could not store the platform Cloudflare account.");

  const client = streamClient(deps.cloudflare, credentials);
  const webhookUrl = deps.cloudflare.webhookUrlFor(row.id);
  const updates: Partial<typeof cloudflareConnections.$inferInsert> = {};
  if (row.webhookUrl !== webhookUrl || !row.webhookSecretSealed) {
    const webhook = await client.setWebhook(webhookUrl);
    Object.assign(updates, { webhookUrl, webhookSecretSealed: deps.secrets.seal(webhook.secret) });
  }
  if (!row.signingKeyId) {
    const key = await client.createSigningKey();
    Object.assign(updates, { signingKeyId: key.id, signingKeySealed: deps.secrets.seal(JSON.stringify(key.jwk)) });
  }
  if (Object.keys(updates).length > 0) {
    await deps.db
      .update(cloudflareConnections)
      .set({ ...updates, verifiedAt: deps.now() })
      .where(and(eq(cloudflareConnections.id, row.id), eq(cloudflareConnections.source, "platform")));
  }
  return row.id;
}
