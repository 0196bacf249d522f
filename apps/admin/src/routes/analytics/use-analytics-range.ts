import { useSearchParams } from "react-router";
import { type AnalyticsRange, type Period, type PresetDays, parseRange, utcToday } from "./analytics-range";

/** The period the analytics pages show, kept in the URL so it survives a reload and can be shared. */
export function useAnalyticsRange() {
  const [params, setParams] = useSearchParams();
  const today = utcToday();
  const range: AnalyticsRange = parseRange(params, today);

  return {
    range,
    today,
    choosePreset: (days: PresetDays) => setParams({ range: String(days) }),
    // Typing a date changes the URL at every keystroke; one history entry per period is enough.
    chooseCustom: (period: Period, options: { replace?: boolean } = {}) =>
      setParams({ from: period.from, to: period.to }, { replace: options.replace ?? false }),
  };
}
