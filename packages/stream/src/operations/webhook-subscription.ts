import type { WebhookGetResponse } from "cloudflare/resources/stream/webhooks";
import type { StreamContext } from "../context";
import { ignoreNotFound, StreamError, unexpectedResponse } from "../errors";

/** Cloudflare allows one Stream webhook per account; `secret` keys its signatures. */
export type WebhookSubscription = { notificationUrl: string; secret: string; modified: string | null };

type WebhookResult = (WebhookGetResponse & { notification_url?: string }) | null | undefined;

function toSubscription(result: WebhookResult): WebhookSubscription | null {
  // Both spellings come back (cloudflare-docs#4837); the SDK types only one.
  const notificationUrl = result?.notificationUrl ?? result?.notification_url;
  if (!notificationUrl || !result?.secret) return null;
  return { notificationUrl, secret: result.secret, modified: result.modified ?? null };
}

export function webhookSubscriptionOperations(ctx: StreamContext) {
  const { sdk, run } = ctx;
  const account_id = ctx.accountId;

  return {
    /** Replaces the account's webhook URL (there is only one). */
    async setWebhook(notificationUrl: string): Promise<WebhookSubscription> {
      const subscription = toSubscription(
        await run((o) => sdk.stream.webhooks.update({ account_id, notificationUrl }, o)),
      );
      if (!subscription) throw unexpectedResponse("webhook without URL or secret");
      return subscription;
    },

    /** null when the account has no webhook. */
    async getWebhook(): Promise<WebhookSubscription | null> {
      try {
        return toSubscription(await run((o) => sdk.stream.webhooks.get({ account_id }, o)));
      } catch (error) {
        if (error instanceof StreamError && error.kind === "not_found") return null;
        throw error;
      }
    },

    async deleteWebhook(): Promise<void> {
      await ignoreNotFound(run((o) => sdk.stream.webhooks.delete({ account_id }, o)));
    },
  };
}
