import { RefreshCw, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "../lib/cn";
import { Button } from "./button";

type ErrorStateProps = {
  title?: ReactNode;
  /** What went wrong, in words for the user (the server's message is already written that way). */
  message?: ReactNode;
  onRetry?: () => unknown;
  retrying?: boolean;
  className?: string;
};

export function ErrorState({
  title = "Something went wrong",
  message = "We could not load this. Check your connection and try again.",
  onRetry,
  retrying,
  className,
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-xl border bg-surface px-6 py-12 text-center",
        className,
      )}
    >
      <span className="flex size-11 items-center justify-center rounded-full bg-destructive-soft text-destructive-soft-foreground">
        <TriangleAlert aria-hidden="true" className="size-5" />
      </span>
      <div className="grid max-w-sm gap-1">
        <h3 className="text-base font-semibold">{title}</h3>
        <p className="text-sm text-muted-foreground">{message}</p>
      </div>
      {onRetry ? (
        <Button variant="outline" size="sm" loading={retrying} onClick={() => void onRetry()}>
          <RefreshCw aria-hidden="true" />
          Try again
        </Button>
      ) : null}
    </div>
  );
}
