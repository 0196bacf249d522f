import { cn } from "@marquee/ui";
import { formatCountdown } from "../../lib/live-format";
import { useTimeUntil } from "../../lib/use-time-until";

/**
 * "Starts in 2 h 05 min", ticking. Not a live region: a screen reader would otherwise read
 * it every second; the pages announce the class going live instead.
 */
export function Countdown({ start, className }: { start: Date; className?: string }) {
  const remaining = useTimeUntil(start);
  return (
    <time dateTime={start.toISOString()} className={cn("tabular-nums", className)}>
      {formatCountdown(remaining)}
    </time>
  );
}
