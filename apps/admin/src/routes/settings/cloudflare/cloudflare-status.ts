import type { CloudflareSettings } from "../../../lib/types";
import type { StatusSummary } from "../connection-status-card";

/** "0123…cdef": enough to recognise an account without a wall of hex. */
export function abbreviateAccountId(accountId: string): string {
  return accountId.length > 10 ? `${accountId.slice(0, 4)}…${accountId.slice(-4)}` : accountId;
}

/** Which account uploads go to, in words. */
export function summarizeStatus(settings: CloudflareSettings): StatusSummary {
  if (settings.inUse === "tenant" && settings.own) {
    return {
      tone: "success",
      badge: "Connected",
      sentence: `Your own Cloudflare account (account ${abbreviateAccountId(settings.own.accountId)})`,
    };
  }
  if (settings.inUse === "platform") {
    return {
      tone: "primary",
      badge: "Platform default",
      sentence: "The platform's default account — videos are stored and billed on the platform's Cloudflare account",
    };
  }
  return {
    tone: "danger",
    badge: "Not connected",
    sentence: "Not connected — uploads are unavailable until you connect an account",
  };
}
