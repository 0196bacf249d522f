import { Play } from "lucide-react";
import { cn } from "../lib/cn";

type LogoProps = {
  /** A product area shown after the wordmark, e.g. "Console". */
  product?: string;
  className?: string;
};

export function Logo({ product, className }: LogoProps) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-lg bg-linear-to-br from-primary via-rose to-amber text-primary-foreground shadow-sm"
      >
        <Play className="size-3.5 translate-x-px fill-current" />
      </span>
      <span>Marquee</span>
      {product ? <span className="font-medium text-muted-foreground">{product}</span> : null}
    </span>
  );
}
