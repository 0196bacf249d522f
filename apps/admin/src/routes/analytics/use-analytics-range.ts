import { useSearchParams } from "react-router";
import { type AnalyticsRange, type Period, type PresetDays, parseRange, utcToday } from "./analytics-range";

/** The current search with the period replaced, so a page's own parameters (a table's sort) stay. */
function withPeriod(current: URLSearchParams, period: Record<string, string>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of ["range", "from", "to"]) next.delete(key);
  for (const [key, value] of Object.entries(period)) next.set(key, value);
  return next;
}

/** The period the analytics pages show, kept in the URL so it survives a reload and can be shared. */
export function useAnalyticsRange() {
  const [params, setParams] = useSearchParams();
  const today = utcToday();
  const range: AnalyticsRange = parseRange(params, today);

  return {
    range,
    today,
    choosePreset: (days: PresetDays) => setParams((current) => withPeriod(current, { range: String(days) })),
    // Typing a date changes the URL at every keystroke; one history entry per period is enough.
    chooseCustom: (period: Period, options: { replace?: boolean } = {}) =>
      setParams((current) => withPeriod(current, { from: period.from, to: period.to }), {
        replace: options.replace ?? false,
      }),
  };
}
