import { Badge } from "@marquee/ui";
import { Link } from "react-router";
import type { StripeSync } from "../lib/types";
import type { Notice } from "./page-notice";

/** Whether members can buy it: Stripe has a product and price for it. */
export function OnStripeBadge({ onStripe }: { onStripe: boolean }) {
  return onStripe ? (
    <Badge tone="success" dot>
      On Stripe
    </Badge>
  ) : (
    <Badge dot>Not on Stripe</Badge>
  );
}

/**
 * What a save left undone on Stripe, or null when nothing was. The item is saved either way;
 * only selling it waits for Stripe.
 */
export function stripeSyncNotice(
  sync: StripeSync,
  item: { name: string; kind: "tier" | "token pack" },
  tenantSlug: string,
): Notice | null {
  if (sync.state === "synced") return null;
  if (sync.state === "not_configured") {
    return {
      tone: "warning",
      title: `“${item.name}” is saved, but not for sale yet`,
      body: (
        <>
          Connect Stripe in{" "}
          <Link to={`/t/${tenantSlug}/settings/payments`} className="font-medium underline underline-offset-4">
            Settings → Payments
          </Link>{" "}
          to sell this {item.kind}.
        </>
      ),
    };
  }
  return {
    tone: "warning",
    title: `“${item.name}” is saved, but Stripe was not updated`,
    body: `${sync.message} Saving it again retries, and Marquee retries before anyone checks out.`,
  };
}
