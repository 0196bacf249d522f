import type { SecretBox } from "@marquee/auth";
import { cloudflareConnections, type Db, videos, webhookEvents } from "@marquee/db";
import { verifyWebhookSignature } from "@marquee/stream";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { applyRecordingState } from "../live/recordings";
import { applyVideoState, cloudflareVideoSchema } from "./video-state";

export type CloudflareWebhookInput = {
  connectionId: string;
  signatureHeader: string | null;
  rawBody: string;
};

export type WebhookOutcome =
  | { status: 200; result: "processed" | "duplicate" | "ignored" }
  | { status: 400 | 401 | 404; reason: string }
  | { status: 500; reason: string };

type Deps = { db: Db; secrets: SecretBox; now: () => Date };

/**
 * Cloudflare's Stream webhook for one connection (account): verify the signature on the
 * raw body with that account's secret, store the event, then apply it once. A delivery
 * that fails to apply is answered 500 so Cloudflare retries; the retry finds the stored
 * event still unprocessed.
 */
export async function handleCloudflareWebhook(deps: Deps, input: CloudflareWebhookInput): Promise<WebhookOutcome> {
  if (!z.uuid().safeParse(input.connectionId).success) return { status: 404, reason: "unknown connection" };
  const [connection] = await deps.db
    .select({ id: cloudflareConnections.id, webhookSecretSealed: cloudflareConnections.webhookSecretSealed })
    .from(cloudflareConnections)
    .where(eq(cloudflareConnections.id, input.connectionId));
  if (!connection?.webhookSecretSealed) return { status: 404, reason: "unknown connection" };

  const verdict = verifyWebhookSignature({
    header: input.signatureHeader,
    rawBody: input.rawBody,
    secret: deps.secrets.open(connection.webhookSecretSealed),
    nowSeconds: Math.floor(deps.now().getTime() / 1000),
  });
  if (!verdict.ok) return { status: 401, reason: `signature ${verdict.reason}` };

  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return { status: 400, reason: "body is not JSON" };
  }
  const parsed = cloudflareVideoSchema.safeParse(json);
  if (!parsed.success) return { status: 400, reason: "not a Stream video notification" };
  const video = parsed.data;
  const eventKey = `${connection.id}:${video.uid}:${video.status.state}:${video.modified ?? ""}`;

  await deps.db
    .insert(webhookEvents)
    .values({
      provider: "cloudflare",
      eventKey,
      sourceId: connection.id,
      type: `video.${video.status.state}`,
      payload: json,
    })
    .onConflictDoNothing();

  try {
    const applied = await deps.db.transaction(async (tx) => {
      // Claiming the event row serialises concurrent deliveries of the same event.
      const [claimed] = await tx
        .update(webhookEvents)
        .set({ processedAt: deps.now(), attempts: sql`${webhookEvents.attempts} + 1` })
        .where(
          and(
            eq(webhookEvents.provider, "cloudflare"),
            eq(webhookEvents.eventKey, eventKey),
            isNull(webhookEvents.processedAt),
          ),
        )
        .returning({ id: webhookEvents.id });
      if (!claimed) return "duplicate" as const;
      const [row] = await tx
        .select({ id: videos.id, tenantId: videos.tenantId })
        .from(videos)
        .where(and(eq(videos.connectionId, connection.id), eq(videos.cloudflareUid, video.uid)));
      if (!row) {
        // Not a catalog video: perhaps a live class's replay. Otherwise a uid we never handed
        // out (or one of another account), which changes nothing.
        const recording = await applyRecordingState(tx, connection.id, video, deps.now());
        return recording ? ("processed" as const) : ("ignored" as const);
      }
      await tx.update(webhookEvents).set({ tenantId: row.tenantId }).where(eq(webhookEvents.id, claimed.id));
      await applyVideoState(tx, row.id, video, deps.now());
      return "processed" as const;
    });
    return { status: 200, result: applied };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db
      .update(webhookEvents)
      .set({ lastError: message.slice(0, 1000), attempts: sql`${webhookEvents.attempts} + 1` })
      .where(and(eq(webhookEvents.provider, "cloudflare"), eq(webhookEvents.eventKey, eventKey)));
    return { status: 500, reason: "could not apply the event" };
  }
}
