import type { ComponentProps } from "react";
import { cn } from "../lib/cn";
import { Skeleton } from "./spinner";

/**
 * A data table in a card that scrolls sideways on narrow screens; hide secondary
 * columns there with `hidden md:table-cell` on their head and cells.
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="w-full overflow-x-auto rounded-xl border bg-surface shadow-xs">
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-muted/60 [&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b transition-colors hover:bg-muted/40", className)} {...props} />;
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn(
        "h-10 px-4 text-left align-middle text-xs font-medium tracking-wide whitespace-nowrap text-muted-foreground uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("py-3 text-sm text-muted-foreground", className)} {...props} />;
}

/** Placeholder rows in the shape of the table that is loading. */
export function TableSkeleton({
  columns,
  rows = 5,
  label = "Loading",
}: {
  columns: number;
  rows?: number;
  label?: string;
}) {
  const rowKeys = Array.from({ length: rows }, (_, index) => `row-${index}`);
  const columnKeys = Array.from({ length: columns }, (_, index) => `column-${index}`);
  return (
    <div role="status" aria-label={label} className="overflow-hidden rounded-xl border bg-surface shadow-xs">
      <div className="h-10 border-b bg-muted/60" />
      {rowKeys.map((rowKey) => (
        <div key={rowKey} className="flex items-center gap-6 border-b px-4 py-4 last:border-0">
          {columnKeys.map((columnKey, index) => (
            <Skeleton key={columnKey} className={index === 0 ? "h-4 w-40" : "hidden h-4 flex-1 sm:block"} />
          ))}
        </div>
      ))}
    </div>
  );
}
