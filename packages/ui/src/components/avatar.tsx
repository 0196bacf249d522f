import { cn } from "../lib/cn";

const palettes = [
  "bg-primary-soft text-primary-soft-foreground",
  "bg-success-soft text-success-soft-foreground",
  "bg-warning-soft text-warning-soft-foreground",
  "bg-destructive-soft text-destructive-soft-foreground",
  "bg-muted text-foreground",
];

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** Initials on a colour derived from the name, so a person keeps their colour everywhere. */
export function Avatar({ name, className }: { name: string; className?: string }) {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
        palettes[hash % palettes.length],
        className,
      )}
    >
      {initialsOf(name)}
    </span>
  );
}
