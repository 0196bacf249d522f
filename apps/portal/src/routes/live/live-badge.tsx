import { Badge, cn } from "@marquee/ui";

/** "Live", with a red dot that pulses unless the viewer asked for reduced motion. */
export function LiveBadge({ className }: { className?: string }) {
  return (
    <Badge tone="danger" className={cn("gap-1.5 font-semibold uppercase tracking-wide", className)}>
      <span aria-hidden="true" className="relative flex size-2">
        <span className="absolute inline-flex size-full rounded-full bg-destructive opacity-75 motion-safe:animate-ping" />
        <span className="relative inline-flex size-2 rounded-full bg-destructive" />
      </span>
      Live
    </Badge>
  );
}
