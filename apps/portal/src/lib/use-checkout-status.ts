import { keepPreviousData, skipToken } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { trpc } from "./trpc";

const POLL_MS = 1_000;
/** Stripe's webhook usually lands within a second or two; past this the server reads the result from Stripe itself. */
const RECONCILE_AFTER_MS = 8_000;
/** Past this the page says it is taking longer than usual, and that leaving is safe. */
const SLOW_AFTER_MS = 30_000;

/**
 * Follows a checkout the member came back from (`?session_id=cs_…`) until our side has it:
 * polled every second while it is processing. Once complete, the data it changes (access,
 * plan, tokens) is reloaded.
 */
export function useCheckoutStatus(sessionId: string | null) {
  const utils = trpc.useUtils();
  const [reconcile, setReconcile] = useState(false);
  const [slow, setSlow] = useState(false);
  const status = trpc.billing.checkoutStatus.useQuery(sessionId ? { sessionId, reconcile } : skipToken, {
    refetchInterval: (query) => (query.state.data?.state === "processing" ? POLL_MS : false),
    // Switching to `reconcile` is a new query: keep showing "processing" meanwhile.
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const state = status.data?.state;
  // A failed poll keeps the last answer: still waiting while that was "processing".
  const waiting = sessionId !== null && (status.isPending || state === "processing");
  const completedKind = state === "complete" ? status.data?.kind : undefined;

  useEffect(() => {
    if (!waiting) return;
    const timers = [
      setTimeout(() => setReconcile(true), RECONCILE_AFTER_MS),
      setTimeout(() => setSlow(true), SLOW_AFTER_MS),
    ];
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [waiting]);

  useEffect(() => {
    if (completedKind === "subscription") {
      void Promise.all([utils.billing.overview.invalidate(), utils.videos.invalidate(), utils.playback.invalidate()]);
    }
    if (completedKind === "pack") void Promise.all([utils.wallet.invalidate(), utils.billing.overview.invalidate()]);
  }, [completedKind, utils]);

  return { status, waiting, slow };
}
