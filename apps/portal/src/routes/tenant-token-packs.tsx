import { Button, Card, CardContent, CardHeader, CardTitle } from "@marquee/ui";
import { Coins } from "lucide-react";
import type { ReactNode } from "react";
import { formatMoney, formatTokens } from "../lib/format";
import type { TokenPack } from "../lib/types";
import type { useBuyPack } from "../lib/use-buy-pack";

type TokenPackListProps = {
  packs: TokenPack[];
  /** Buy, or what a visitor must do first; nothing when payments are off. */
  action(pack: TokenPack): ReactNode;
};

/** Token packs as cards: how many tokens, the price, and the price of one token. */
export function TokenPackList({ packs, action }: TokenPackListProps) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {packs.map((pack) => (
        <li key={pack.id}>
          <Card className="flex h-full flex-col">
            <CardHeader>
              <CardTitle>{pack.name}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-1 flex-col gap-4">
              <div className="grid gap-1">
                <p className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
                  <Coins aria-hidden="true" className="size-5 text-primary" />
                  {formatTokens(pack.tokens)}
                </p>
                <p className="text-sm text-muted-foreground">
                  {formatMoney(pack.priceCents, pack.currency)}
                  {pack.tokens > 1
                    ? ` · ${formatMoney(Math.round(pack.priceCents / pack.tokens), pack.currency)} per token`
                    : ""}
                </p>
              </div>
              <div className="mt-auto">{action(pack)}</div>
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}

type BuyPackButtonProps = { pack: TokenPack; buy: ReturnType<typeof useBuyPack> };

/** Busy from the click until Stripe's page loads; the other packs wait meanwhile. */
export function BuyPackButton({ pack, buy }: BuyPackButtonProps) {
  const leaving = buy.isPending || buy.isSuccess;
  return (
    <Button
      variant="outline"
      className="w-full"
      loading={leaving && buy.variables?.packId === pack.id}
      disabled={leaving}
      onClick={() => buy.mutate({ packId: pack.id })}
    >
      Buy<span className="sr-only"> {pack.name}</span>
    </Button>
  );
}
