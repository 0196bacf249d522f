import { EmptyState } from "@marquee/ui";
import { CalendarX2 } from "lucide-react";
import { MAX_RANGE_DAYS } from "./analytics-range";

/** In place of the figures while the custom dates cannot be asked for. */
export function InvalidPeriod() {
  return (
    <EmptyState
      icon={CalendarX2}
      title="Choose a period to see its figures"
      description={`Fix the dates above: the start first, nothing after today, at most ${MAX_RANGE_DAYS} days.`}
    />
  );
}
