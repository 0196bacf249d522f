import { useEffect } from "react";

/** Checkout and the Billing Portal are Stripe's pages, on Stripe's site: a full page load, not a router navigation. */
export function goToStripe(url: string) {
  window.location.assign(url);
}

/**
 * The browser's Back button may restore the page exactly as it was left for Stripe, its
 * button still busy: `reset` (a mutation's) makes it usable again.
 */
export function useResetOnReturn(reset: () => void) {
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [reset]);
}
