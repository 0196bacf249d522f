import type { ComponentProps } from "react";
import { cn } from "../lib/cn";

type SpinnerProps = ComponentProps<"svg"> & {
  /** Announced to screen readers; pass null when a parent already announces the busy state. */
  label?: string | null;
};

export function Spinner({ className, label = "Loading", ...props }: SpinnerProps) {
  return (
    <>
      <svg
        viewBox="0 0 24 24"
        fill="none"
        aria-hidden="true"
        className={cn("size-4 shrink-0 animate-spin", className)}
        {...props}
      >
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </>
  );
}

export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}

/** A centred spinner for a whole page or panel that is loading. */
export function PageSpinner({ label = "Loading" }: { label?: string }) {
  return (
    <div role="status" className="flex min-h-48 items-center justify-center text-muted-foreground">
      <Spinner className="size-6" label={label} />
    </div>
  );
}
