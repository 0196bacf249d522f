import { trpc } from "../../lib/trpc";

const FALLBACK_CURRENCY = "usd";

/**
 * The organization's currency, in which the rollups keep money. If it cannot be read the
 * figures still show, in US dollars, rather than hiding behind an error.
 */
export function useTenantCurrency(): { code: string; isPending: boolean } {
  const payments = trpc.settings.payments.get.useQuery(undefined, { staleTime: 5 * 60_000 });
  return { code: payments.data?.policy.currency ?? FALLBACK_CURRENCY, isPending: payments.isPending };
}
