import { Skeleton } from "@marquee/ui";

/** A provider settings page while it loads: the status card, then a form with one input per field. */
export function SettingsSkeleton({ label, fields }: { label: string; fields: readonly string[] }) {
  return (
    <div role="status" aria-label={label} className="grid gap-6">
      <div className="grid gap-4 rounded-xl border bg-surface p-5 shadow-xs sm:p-6">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-5 w-3/4" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      </div>
      <div className="grid gap-5 rounded-xl border bg-surface p-5 shadow-xs sm:p-6">
        <Skeleton className="h-5 w-48" />
        {fields.map((field) => (
          <div key={field} className="grid gap-2">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-9" />
          </div>
        ))}
      </div>
    </div>
  );
}
