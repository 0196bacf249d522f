import { RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { formatDateTime } from "../../lib/format";
import { formatRelativeTime } from "./analytics-format";

/** Re-renders every minute, so "5 minutes ago" does not go stale on an open page. */
function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** When the figures were last rolled up: they are refreshed hourly, not live. */
export function UpdatedAt({ at }: { at: Date }) {
  const now = useNow();
  return (
    <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
      <RefreshCw aria-hidden="true" className="size-3.5" />
      <span>
        Updated{" "}
        <time dateTime={at.toISOString()} title={formatDateTime(at)}>
          {formatRelativeTime(at, now)}
        </time>
        ; figures refresh every hour.
      </span>
    </p>
  );
}
