import type { ComponentProps } from "react";
import { cn } from "../lib/cn";

const tones = {
  primary: "bg-primary",
  success: "bg-success",
  danger: "bg-destructive",
  muted: "bg-muted-foreground/50",
} as const;

type ProgressProps = Omit<ComponentProps<"div">, "children" | "role"> & {
  /** 0..max; null while the amount is unknown (the bar pulses instead). */
  value: number | null;
  max?: number;
  tone?: keyof typeof tones;
  /** What a screen reader says instead of the bare percentage, e.g. "12 MB of 40 MB". */
  valueText?: string;
};

/** A determinate progress bar; give it an aria-label naming what is progressing. */
export function Progress({ value, max = 100, tone = "primary", valueText, className, ...props }: ProgressProps) {
  const known = value !== null && Number.isFinite(value);
  const clamped = known ? Math.min(Math.max(value, 0), max) : 0;
  const percent = max > 0 ? (clamped / max) * 100 : 0;
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={known ? Math.round(clamped) : undefined}
      aria-valuetext={valueText}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-300 ease-out",
          tones[tone],
          !known && "w-1/3 animate-pulse",
        )}
        style={known ? { width: `${percent}%` } : undefined}
      />
    </div>
  );
}
