import { Card, CardContent, ErrorState, Skeleton } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Coins } from "lucide-react";
import { useSearchParams } from "react-router";
import { trpc } from "../lib/trpc";
import { useBuyPack } from "../lib/use-buy-pack";
import { useTenantContext } from "./tenant-layout";
import { PackCheckoutNotice } from "./tenant-pack-checkout-notice";
import { TokenHistory } from "./tenant-token-history";
import { BuyPackButton, TokenPackList } from "./tenant-token-packs";

/** Account → Tokens: the balance, packs to buy, and the history of every change. */
export function AccountTokensPage() {
  const { tenant } = useTenantContext();
  const [params] = useSearchParams();
  const sessionId = params.get("session_id");
  const balance = trpc.wallet.balance.useQuery();
  const offers = trpc.billing.offers.useQuery(undefined, { staleTime: 60_000 });
  const buy = useBuyPack();
  const packs = offers.data?.paymentsEnabled ? offers.data.packs : [];

  return (
    <div className="grid gap-8">
      <title>{`Tokens · ${tenant.name}`}</title>
      <h2 className="sr-only">Tokens</h2>
      {sessionId || params.get("checkout") === "cancelled" ? <PackCheckoutNotice sessionId={sessionId} /> : null}
      <Card>
        <CardContent className="flex items-center gap-4">
          <span className="flex size-12 shrink-0 items-center justify-center rounded-full bg-primary-soft text-primary-soft-foreground">
            <Coins aria-hidden="true" className="size-6" />
          </span>
          <section aria-labelledby="balance-heading" className="grid">
            <h3 id="balance-heading" className="text-sm font-normal text-muted-foreground">
              Your balance
            </h3>
            {balance.isPending ? (
              <Skeleton className="mt-1 h-9 w-32" />
            ) : balance.isError ? (
              <p role="alert" className="text-sm text-destructive-soft-foreground">
                {errorMessage(balance.error)}
              </p>
            ) : (
              <p className="text-4xl font-semibold tracking-tight tabular-nums">
                {balance.data.balance}{" "}
                <span className="text-base font-normal text-muted-foreground">
                  {balance.data.balance === 1 ? "token" : "tokens"}
                </span>
              </p>
            )}
          </section>
        </CardContent>
      </Card>
      {packs.length > 0 ? (
        <section aria-labelledby="buy-heading" className="grid gap-4">
          <h3 id="buy-heading" className="text-lg font-semibold tracking-tight">
            Buy tokens
          </h3>
          <TokenPackList packs={packs} action={(pack) => <BuyPackButton pack={pack} buy={buy} />} />
        </section>
      ) : offers.isError ? (
        <ErrorState
          message={errorMessage(offers.error)}
          onRetry={() => offers.refetch()}
          retrying={offers.isFetching}
        />
      ) : null}
      <section aria-labelledby="history-heading" className="grid gap-4">
        <h3 id="history-heading" className="text-lg font-semibold tracking-tight">
          History
        </h3>
        <TokenHistory />
      </section>
    </div>
  );
}
