import { toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useEffect, useState } from "react";
import { goToStripe, useResetOnReturn } from "./stripe-redirect";
import { trpc } from "./trpc";

const VISIT_KEY = "marquee:billing-portal-visit";
/** A visit older than this is not the one the member is coming back from. */
const VISIT_MAX_AGE_MS = 60 * 60_000;
/** How long the billing page keeps asking after a visit: Stripe reports changes by webhook, a moment later. */
const SETTLE_MS = 20_000;

/** Opens Stripe's Billing Portal (change plan, cancel, payment methods, invoices). */
export function useBillingPortal() {
  const portal = trpc.billing.portal.useMutation({
    onSuccess: ({ url }) => {
      sessionStorage.setItem(VISIT_KEY, String(Date.now()));
      goToStripe(url);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  useResetOnReturn(portal.reset);
  return portal;
}

/** True for a short while after coming back from the Billing Portal, while its changes may still be on their way. */
export function useBackFromBillingPortal(): boolean {
  const [settling, setSettling] = useState(() => {
    const visitedAt = Number(sessionStorage.getItem(VISIT_KEY));
    return visitedAt > 0 && Date.now() - visitedAt < VISIT_MAX_AGE_MS;
  });
  useEffect(() => {
    if (!settling) return;
    sessionStorage.removeItem(VISIT_KEY);
    const timer = setTimeout(() => setSettling(false), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [settling]);
  return settling;
}
