import { toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { goToStripe, useResetOnReturn } from "./stripe-redirect";
import { trpc } from "./trpc";

/** Opens Checkout for a token pack; Stripe sends the member back to Account → Tokens. */
export function useBuyPack() {
  const buy = trpc.wallet.buy.useMutation({
    onSuccess: ({ url }) => goToStripe(url),
    onError: (error) => toast.error(errorMessage(error)),
  });
  useResetOnReturn(buy.reset);
  return buy;
}
