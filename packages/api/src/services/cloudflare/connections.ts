import { randomBytes, randomUUID } from "node:crypto";
import { maskSecret } from "@marquee/auth";
import { cloudflareConnections, type Db, type DbOrTx, videos } from "@marquee/db";
import { isStreamError } from "@marquee/stream";
import { and, eq, isNotNull } from "drizzle-orm";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import {
  type CloudflareCredentials,
  type CloudflareDeps,
  checkCredentials,
  streamClient,
  toAppError,
} from "./environment";

type TenantDeps = CloudflareDeps & { db: Db; tenantId: string; actorUserId: string; now: () => Date };

const ownConnection = (db: DbOrTx, tenantId: string) =>
  db
    .select()
    .from(cloudflareConnections)
    .where(and(eq(cloudflareConnections.source, "tenant"), eq(cloudflareConnections.tenantId, tenantId)))
    .then((rows) => rows[0]);

/** What the console shows: masked values only, and which account is in use. */
export async function getCloudflareSettings(deps: CloudflareDeps & { db: DbOrTx }, tenantId: string) {
  const own = await ownConnection(deps.db, tenantId);
  const hasOwn = Boolean(own?.apiTokenSealed);
  const platformDefault = deps.cloudflare.platformDefault;
  return {
    inUse: hasOwn ? ("tenant" as const) : platformDefault ? ("platform" as const) : ("none" as const),
    platformDefaultAvailable: platformDefault !== null,
    own: own
      ? {
          accountId: own.accountId,
          customerCode: own.customerCode,
          apiTokenHint: own.apiTokenHint,
          connected: hasOwn,
          webhookRegistered: Boolean(own.webhookSecretSealed),
          signingKeyId: own.signingKeyId,
          verifiedAt: own.verifiedAt,
          liveNotifications: {
            url: liveNotificationUrl(deps, own.id),
            enabled: Boolean(own.liveNotificationSecretSealed),
          },
        }
      : null,
  };
}

export type SaveCloudflareInput = CloudflareCredentials & { replaceWebhook: boolean };

/**
 * Verifies the credentials, then stores them sealed, registers our webhook on the
 * account (Cloudflare keeps one per account, so replacing another needs consent) and
 * creates a signing key when the account has none of ours. A failed check clears the
 * tenant's stored token: credentials that do not work are not kept.
 */
export async function saveCloudflareSettings(deps: TenantDeps, input: SaveCloudflareInput) {
  const client = streamClient(deps.cloudflare, input);
  try {
    await checkCredentials(client);
  } catch (error) {
    if (rejectsCredentials(error)) await clearCloudflareToken(deps, "cloudflare.credentials.rejected");
    throw toAppError(error, "apiToken");
  }
  const existing = await ownConnection(deps.db, deps.tenantId);
  if (existing && existing.accountId !== input.accountId) await assertNoVideos(deps.db, existing.id);
  const sameAccount = existing?.accountId === input.accountId;
  const connectionId = existing?.id ?? randomUUID();
  const webhookUrl = deps.cloudflare.webhookUrlFor(connectionId);

  try {
    const current = await client.getWebhook();
    if (current && current.notificationUrl !== webhookUrl && !input.replaceWebhook) {
      throw new AppError(
        "CONFLICT",
        `This Cloudflare account already sends its Stream webhook to ${current.notificationUrl}. Cloudflare allows one per account: confirm to replace it with Marquee's.`,
        { field: "replaceWebhook" },
      );
    }
    const webhook = await client.setWebhook(webhookUrl);
    const keepKey = sameAccount && existing?.signingKeyId && existing.signingKeySealed;
    const key = keepKey ? null : await client.createSigningKey();
    const values = {
      accountId: input.accountId,
      customerCode: input.customerCode,
      apiTokenSealed: deps.secrets.seal(input.apiToken),
      apiTokenHint: maskSecret(input.apiToken),
      webhookSecretSealed: deps.secrets.seal(webhook.secret),
      webhookUrl,
      ...(key ? { signingKeyId: key.id, signingKeySealed: deps.secrets.seal(JSON.stringify(key.jwk)) } : {}),
      verifiedAt: deps.now(),
      updatedAt: deps.now(),
    };
    await deps.db.transaction(async (tx) => {
      if (existing) await tx.update(cloudflareConnections).set(values).where(eq(cloudflareConnections.id, existing.id));
      else
        await tx
          .insert(cloudflareConnections)
          .values({ id: connectionId, source: "tenant", tenantId: deps.tenantId, ...values });
      await recordAudit(tx, {
        tenantId: deps.tenantId,
        actorUserId: deps.actorUserId,
        action: "cloudflare.credentials.save",
        targetType: "cloudflare_connection",
        targetId: connectionId,
        data: { accountId: input.accountId, replacedWebhook: input.replaceWebhook },
      });
    });
  } catch (error) {
    throw toAppError(error);
  }
  return getCloudflareSettings(deps, deps.tenantId);
}

/** "Test connection" on what is stored (the tenant's own account, else the platform's). */
export async function testCloudflareSettings(deps: TenantDeps) {
  const own = await ownConnection(deps.db, deps.tenantId);
  const credentials = own?.apiTokenSealed
    ? { accountId: own.accountId, customerCode: own.customerCode, apiToken: deps.secrets.open(own.apiTokenSealed) }
    : deps.cloudflare.platformDefault;
  if (!credentials)
    throw new AppError("BAD_REQUEST", "No Cloudflare account is set up yet: enter your credentials first.");
  try {
    await checkCredentials(streamClient(deps.cloudflare, credentials));
  } catch (error) {
    if (own?.apiTokenSealed && rejectsCredentials(error))
      await clearCloudflareToken(deps, "cloudflare.credentials.rejected");
    throw toAppError(error, "apiToken");
  }
  if (own?.apiTokenSealed) {
    await deps.db
      .update(cloudflareConnections)
      .set({ verifiedAt: deps.now() })
      .where(eq(cloudflareConnections.id, own.id));
  }
  return { ok: true as const, account: own?.apiTokenSealed ? ("tenant" as const) : ("platform" as const) };
}

/** Forgets the tenant's token (disconnect, or credentials that failed a check). */
export async function clearCloudflareToken(
  deps: Omit<TenantDeps, keyof CloudflareDeps>,
  action = "cloudflare.credentials.clear",
) {
  await deps.db.transaction(async (tx) => {
    const cleared = await tx
      .update(cloudflareConnections)
      .set({ apiTokenSealed: null, apiTokenHint: null, verifiedAt: null, updatedAt: deps.now() })
      .where(
        and(
          eq(cloudflareConnections.source, "tenant"),
          eq(cloudflareConnections.tenantId, deps.tenantId),
          isNotNull(cloudflareConnections.apiTokenSealed),
        ),
      )
      .returning({ id: cloudflareConnections.id });
    for (const row of cleared) {
      await recordAudit(tx, {
        tenantId: deps.tenantId,
        actorUserId: deps.actorUserId,
        action,
        targetType: "cloudflare_connection",
        targetId: row.id,
      });
    }
  });
}

/**
 * Cloudflare said no to these credentials (as opposed to being down or busy): only then
 * are stored credentials cleared, so an outage never disconnects a tenant.
 */
function rejectsCredentials(error: unknown): boolean {
  if (error instanceof AppError) return error.field === "apiToken";
  return isStreamError(error) && (error.kind === "auth" || error.kind === "not_found");
}

async function assertNoVideos(db: DbOrTx, connectionId: string) {
  const [video] = await db.select({ id: videos.id }).from(videos).where(eq(videos.connectionId, connectionId)).limit(1);
  if (video) {
    throw new AppError(
      "CONFLICT",
      "Your videos are stored in the Cloudflare account you connected first. Enter a new token for that account instead.",
      { field: "accountId" },
    );
  }
}

/** Where Cloudflare Notifications post "Stream Live Input" events for this connection. */
const liveNotificationUrl = (deps: CloudflareDeps, connectionId: string) =>
  `${deps.cloudflare.webhookUrlFor(connectionId)}/live`;

/**
 * A new secret for the Cloudflare Notifications webhook destination (its cf-webhook-auth
 * header). Returned this once so the admin can paste it into Cloudflare; stored sealed.
 */
export async function rotateLiveNotificationSecret(deps: TenantDeps) {
  const secret = randomBytes(24).toString("base64url");
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(cloudflareConnections)
      .set({ liveNotificationSecretSealed: deps.secrets.seal(secret), updatedAt: deps.now() })
      .where(and(eq(cloudflareConnections.source, "tenant"), eq(cloudflareConnections.tenantId, deps.tenantId)))
      .returning({ id: cloudflareConnections.id });
    if (!row) throw new AppError("BAD_REQUEST", "Connect your Cloudflare account first.");
    await recordAudit(tx, {
      tenantId: deps.tenantId,
      actorUserId: deps.actorUserId,
      action: "cloudflare.live_notifications.rotate",
      targetType: "cloudflare_connection",
      targetId: row.id,
    });
    return { url: liveNotificationUrl(deps, row.id), secret };
  });
}

/** Stops accepting live notifications (the status job still follows every class). */
export async function disableLiveNotifications(deps: TenantDeps) {
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(cloudflareConnections)
      .set({ liveNotificationSecretSealed: null, updatedAt: deps.now() })
      .where(and(eq(cloudflareConnections.source, "tenant"), eq(cloudflareConnections.tenantId, deps.tenantId)))
      .returning({ id: cloudflareConnections.id });
    for (const row of rows) {
      await recordAudit(tx, {
        tenantId: deps.tenantId,
        actorUserId: deps.actorUserId,
        action: "cloudflare.live_notifications.disable",
        targetType: "cloudflare_connection",
        targetId: row.id,
      });
    }
  });
}
