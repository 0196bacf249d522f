import { cn, Progress, Spinner } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { CircleAlert, CircleCheck, Info } from "lucide-react";
import { formatTokens } from "../lib/format";
import { useCheckoutStatus } from "../lib/use-checkout-status";

const tones = {
  info: "border-primary/20 bg-primary-soft text-primary-soft-foreground",
  success: "border-success/25 bg-success-soft text-success-soft-foreground",
  destructive: "border-destructive/25 bg-destructive-soft text-destructive-soft-foreground",
} as const;

/**
 * Back from buying tokens: waits for the purchase like the return page, then says what was
 * added. One live region throughout, so each step is announced as it replaces the last.
 */
export function PackCheckoutNotice({ sessionId }: { sessionId: string | null }) {
  const { status, waiting, slow } = useCheckoutStatus(sessionId);
  const data = status.data;
  let tone: keyof typeof tones = "info";
  let content = (
    <>
      <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p>
        <span className="font-semibold">Checkout cancelled — no tokens were bought.</span> Nothing was charged.
      </p>
    </>
  );
  if (waiting) {
    content = (
      <>
        <Spinner label={null} className="mt-0.5" />
        <div className="grid flex-1 gap-2">
          <p>
            <span className="font-semibold">Confirming your payment…</span>{" "}
            {slow ? "This is taking longer than usual; your tokens appear here once it is confirmed." : null}
          </p>
          <Progress value={null} aria-label="Confirming your payment" className="max-w-xs bg-surface" />
        </div>
      </>
    );
  } else if (data?.state === "complete" && data.kind === "pack") {
    tone = "success";
    content = (
      <>
        <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p>
          <span className="font-semibold">{formatTokens(data.tokens)} added.</span> Your balance is{" "}
          {formatTokens(data.balance)}.
        </p>
      </>
    );
  } else if (sessionId && (status.isError || data)) {
    tone = "destructive";
    const message = status.isError
      ? errorMessage(status.error)
      : "This checkout was not completed: nothing was charged.";
    content = (
      <>
        <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p>{message}</p>
      </>
    );
  }
  return (
    <div role="status" className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", tones[tone])}>
      {content}
    </div>
  );
}
