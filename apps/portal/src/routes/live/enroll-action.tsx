import { Button } from "@marquee/ui";
import { Coins } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { formatTokens } from "../../lib/format";
import type { LiveClassView } from "../../lib/types";
import { useEnroll } from "../../lib/use-enroll";

type EnrollActionProps = {
  liveClass: Pick<LiveClassView, "id" | "title" | "priceTokens">;
  /** The member's tokens; null when the balance could not be loaded (the server still checks). */
  balance: number | null;
  tenantSlug: string;
  /** The element naming the class, for the button's description. */
  describedBy?: string;
};

/**
 * The balance and the Enroll button, or, when the balance falls short, how many tokens are
 * missing and where to buy them: never a click that can only fail.
 */
export function EnrollAction({ liveClass, balance, tenantSlug, describedBy }: EnrollActionProps) {
  const { enroll, pending, refusal } = useEnroll(liveClass);
  const price = liveClass.priceTokens;
  const missing = balance === null ? 0 : price - balance;
  const short = missing > 0 || refusal !== null;
  const buyLink = useRef<HTMLAnchorElement>(null);
  const shortId = useId();

  // The button the member pressed is gone: move the focus to the way forward, which says what is missing.
  useEffect(() => {
    if (refusal) buyLink.current?.focus();
  }, [refusal]);

  return (
    <div className="grid gap-2">
      {balance !== null ? (
        <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
          <Coins aria-hidden="true" className="size-4" />
          Your balance: {formatTokens(balance)}
        </p>
      ) : null}
      {short ? (
        <div className="grid gap-2 rounded-lg bg-warning-soft px-3 py-2.5 text-sm text-warning-soft-foreground">
          <p id={shortId} className="font-medium">
            {missing > 0 ? `You need ${missing} more ${missing === 1 ? "token" : "tokens"}.` : refusal}
          </p>
          <Button asChild size="sm" variant="outline" className="w-fit">
            <Link
              ref={buyLink}
              to={`/${tenantSlug}/account/tokens`}
              aria-describedby={[shortId, describedBy].filter(Boolean).join(" ")}
            >
              Buy tokens
            </Link>
          </Button>
        </div>
      ) : (
        <Button loading={pending} aria-describedby={describedBy} onClick={enroll}>
          {price === 0 ? "Enroll for free" : `Enroll · ${formatTokens(price)}`}
        </Button>
      )}
    </div>
  );
}
