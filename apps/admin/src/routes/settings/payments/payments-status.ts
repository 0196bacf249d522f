import type { PaymentSettings } from "../../../lib/types";
import type { StatusSummary } from "../connection-status-card";

/** Which Stripe account members pay into, in words. */
export function summarizePayments(settings: PaymentSettings): StatusSummary {
  if (settings.inUse === "tenant" && settings.own) {
    const account = settings.own.accountName ?? settings.own.accountId ?? "connected";
    return { tone: "success", badge: "Connected", sentence: `Your own Stripe account (${account})` };
  }
  if (settings.inUse === "platform") {
    return {
      tone: "primary",
      badge: "Platform default",
      sentence: "The platform's default account — members pay into the platform's Stripe account",
    };
  }
  return {
    tone: "danger",
    badge: "Not connected",
    sentence: "Not connected — members cannot subscribe or buy tokens until you connect Stripe",
  };
}
