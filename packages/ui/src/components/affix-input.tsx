import type { ComponentProps, ReactNode } from "react";
import { cn } from "../lib/cn";

type AffixInputProps = Omit<ComponentProps<"input">, "prefix"> & {
  /** Shown inside the box before the value, e.g. a currency symbol. */
  prefix?: ReactNode;
  /** Shown inside the box after the value, e.g. "per month". */
  suffix?: ReactNode;
};

/**
 * A text box with fixed text around the value. The affixes are decoration: say in the
 * label or description what they mean ("in US dollars"), since screen readers skip them.
 */
export function AffixInput({ prefix, suffix, className, ...props }: AffixInputProps) {
  return (
    <div
      className={cn(
        "flex h-9 w-full min-w-0 items-center rounded-md border border-input bg-surface text-sm shadow-xs transition-colors",
        "focus-within:border-ring focus-within:ring-3 focus-within:ring-ring/25",
        "has-aria-invalid:border-destructive has-aria-invalid:focus-within:ring-destructive/20 has-disabled:opacity-60",
        className,
      )}
    >
      {prefix ? (
        <span aria-hidden="true" className="shrink-0 pl-3 text-muted-foreground select-none">
          {prefix}
        </span>
      ) : null}
      <input
        className="h-full w-full min-w-0 bg-transparent px-3 text-foreground outline-none placeholder:text-muted-foreground/80 disabled:cursor-not-allowed"
        {...props}
      />
      {suffix ? (
        <span aria-hidden="true" className="shrink-0 pr-3 whitespace-nowrap text-muted-foreground select-none">
          {suffix}
        </span>
      ) : null}
    </div>
  );
}
