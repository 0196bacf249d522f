import { Card, Skeleton } from "@marquee/ui";
import { type ReactNode, useId } from "react";

type StatCardProps = {
  label: string;
  value: string;
  /** A line under the value, e.g. "as of Nov 23" or "12 tokens in 3 purchases". */
  detail?: ReactNode;
  children?: ReactNode;
};

/** One figure of the period: a group named by its label, so it reads as "Views, 1,204". */
export function StatCard({ label, value, detail, children }: StatCardProps) {
  const labelId = useId();
  return (
    <Card role="group" aria-labelledby={labelId} className="grid content-start gap-1 p-5">
      <h3 id={labelId} className="text-sm font-medium text-muted-foreground">
        {label}
      </h3>
      <p className="text-2xl font-semibold tracking-tight tabular-nums">{value}</p>
      {detail ? <p className="text-xs text-muted-foreground">{detail}</p> : null}
      {children}
    </Card>
  );
}

export function StatCardSkeleton() {
  return (
    <Card className="grid gap-2 p-5">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-8 w-20" />
    </Card>
  );
}

/** The grid the figure cards sit in: one column on phones, four on wide screens. */
export const STAT_GRID = "grid gap-4 sm:grid-cols-2 xl:grid-cols-4";
