import { timingSafeEqual } from "node:crypto";
import { cloudflareConnections, type Db, liveClasses, webhookEvents } from "@marquee/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { CloudflareDeps } from "../cloudflare/environment";
import type { WebhookOutcome } from "../cloudflare/webhook";
import { finishClass, startClass } from "./classes";

const MINUTE = 60_000;

/**
 * Cloudflare Notifications' "Stream Live Input" payload. It is not the Stream webhook:
 * no HMAC, the destination's secret comes verbatim in `cf-webhook-auth`.
 */
const notificationSchema = z.object({
  data: z.object({
    input_id: z.string().min(1).max(64),
    event_type: z.enum(["live_input.connected", "live_input.disconnected", "live_input.errored"]),
    updated_at: z.string().max(64).optional(),
    live_input_errored: z
      .object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }).optional() })
      .passthrough()
      .optional(),
  }),
  ts: z.number().optional(),
});

export type LiveNotificationInput = { connectionId: string; authHeader: string | null; rawBody: string };

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A live input connected, disconnected or errored. A connection starts a class due around
 * now; a disconnection ends a live class only once its scheduled end has passed (encoders
 * reconnect, and the status job ends a class that stays quiet). Each notification is
 * stored and applied once.
 */
export async function handleLiveNotification(
  deps: CloudflareDeps & { db: Db; now: () => Date },
  input: LiveNotificationInput,
): Promise<WebhookOutcome> {
  if (!z.uuid().safeParse(input.connectionId).success) return { status: 404, reason: "unknown connection" };
  const [connection] = await deps.db
    .select({ id: cloudflareConnections.id, sealed: cloudflareConnections.liveNotificationSecretSealed })
    .from(cloudflareConnections)
    .where(eq(cloudflareConnections.id, input.connectionId));
  if (!connection?.sealed) return { status: 404, reason: "unknown connection" };
  if (!input.authHeader || !sameSecret(input.authHeader, deps.secrets.open(connection.sealed))) {
    return { status: 401, reason: "cf-webhook-auth does not match" };
  }

  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return { status: 400, reason: "body is not JSON" };
  }
  const parsed = notificationSchema.safeParse(json);
  if (!parsed.success) return { status: 400, reason: "not a Stream Live Input notification" };
  const { data, ts } = parsed.data;
  const eventKey = `${connection.id}:${data.input_id}:${data.event_type}:${data.updated_at ?? ts ?? ""}`;

  await deps.db
    .insert(webhookEvents)
    .values({ provider: "cloudflare-live", eventKey, sourceId: connection.id, type: data.event_type, payload: json })
    .onConflictDoNothing();
  const [claimed] = await deps.db
    .update(webhookEvents)
    .set({ processedAt: deps.now(), attempts: sql`${webhookEvents.attempts} + 1` })
    .where(
      and(
        eq(webhookEvents.provider, "cloudflare-live"),
        eq(webhookEvents.eventKey, eventKey),
        isNull(webhookEvents.processedAt),
      ),
    )
    .returning({ id: webhookEvents.id });
  if (!claimed) return { status: 200, result: "duplicate" };

  try {
    const [row] = await deps.db
      .select()
      .from(liveClasses)
      .where(and(eq(liveClasses.connectionId, connection.id), eq(liveClasses.liveInputUid, data.input_id)));
    if (!row) return { status: 200, result: "ignored" };
    await deps.db.update(webhookEvents).set({ tenantId: row.tenantId }).where(eq(webhookEvents.id, claimed.id));
    const now = deps.now();
    const scheduledEnd = row.scheduledStart.getTime() + row.durationMinutes * MINUTE;
    if (data.event_type === "live_input.errored") {
      const error = data.live_input_errored?.error;
      const message = [error?.code, error?.message].filter(Boolean).join(": ") || "The broadcast was refused.";
      await deps.db
        .update(liveClasses)
        .set({ inputError: message.slice(0, 500) })
        .where(eq(liveClasses.id, row.id));
      return { status: 200, result: "processed" };
    }
    if (data.event_type === "live_input.connected" && row.inputError) {
      await deps.db.update(liveClasses).set({ inputError: null }).where(eq(liveClasses.id, row.id));
    }
    if (data.event_type === "live_input.connected" && row.status === "scheduled") {
      // An input connected hours early is a rehearsal, not the class.
      if (row.scheduledStart.getTime() - now.getTime() > 15 * MINUTE) return { status: 200, result: "ignored" };
      await startClass(deps.db, row.id, now);
      return { status: 200, result: "processed" };
    }
    if (data.event_type === "live_input.disconnected" && row.status === "live" && now.getTime() > scheduledEnd) {
      await finishClass(deps, row, now);
      return { status: 200, result: "processed" };
    }
    return { status: 200, result: "ignored" };
  } catch (error) {
    // Unclaim, so Cloudflare's retry applies it.
    const message = error instanceof Error ? error.message : String(error);
    await deps.db
      .update(webhookEvents)
      .set({ processedAt: null, lastError: message.slice(0, 1000) })
      .where(eq(webhookEvents.id, claimed.id));
    return { status: 500, reason: "could not apply the notification" };
  }
}
