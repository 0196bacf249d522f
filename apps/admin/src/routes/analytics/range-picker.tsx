import { Field, Input, SegmentedControl } from "@marquee/ui";
import { formatDay } from "./analytics-format";
import { PRESET_DAYS, type PresetDays } from "./analytics-range";
import { useAnalyticsRange } from "./use-analytics-range";

type Choice = `${PresetDays}` | "custom";

const CHOICES = [
  ...PRESET_DAYS.map((days) => ({ value: `${days}` as const, label: `Last ${days} days` })),
  { value: "custom" as const, label: "Custom" },
];

/** Last 7, 30 or 90 days, or two dates; the choice lives in the URL. */
export function RangePicker() {
  const { range, today, choosePreset, chooseCustom } = useAnalyticsRange();
  const value: Choice = range.kind === "preset" ? `${range.days}` : "custom";

  function choose(choice: Choice) {
    if (choice === "custom") chooseCustom(range.period);
    else choosePreset(Number(choice) as PresetDays);
  }

  return (
    <div className="grid gap-3">
      <SegmentedControl label="Period" value={value} onChange={choose} options={CHOICES} />
      {range.kind === "custom" ? (
        <div className="flex flex-wrap items-start gap-3">
          <Field label="From" error={range.error?.field === "from" ? range.error.message : undefined} className="w-44">
            <Input
              type="date"
              value={range.period.from}
              max={today}
              onChange={(event) => chooseCustom({ ...range.period, from: event.target.value }, { replace: true })}
            />
          </Field>
          <Field label="To" error={range.error?.field === "to" ? range.error.message : undefined} className="w-44">
            <Input
              type="date"
              value={range.period.to}
              max={today}
              onChange={(event) => chooseCustom({ ...range.period, to: event.target.value }, { replace: true })}
            />
          </Field>
        </div>
      ) : null}
      <p className="text-xs text-muted-foreground">
        Days run from midnight to midnight UTC; today is {formatDay(today, "long")} in UTC.
      </p>
    </div>
  );
}
