import { type ReactNode, useId } from "react";
import { cn } from "../lib/cn";

export type SegmentedOption<T extends string> = {
  value: T;
  label: ReactNode;
  /** A few words beside the label, e.g. "Save 17%". */
  hint?: ReactNode;
};

type SegmentedControlProps<T extends string> = {
  /** Names the group for screen readers (the legend); shown only when `showLabel` is set. */
  label: string;
  showLabel?: boolean;
  /** The choice; its type is the options' (e.g. a union of literals). */
  value: T;
  onChange(value: NoInfer<T>): void;
  options: readonly SegmentedOption<NoInfer<T>>[];
  className?: string;
};

/**
 * A choice between a few options shown side by side. Native radios underneath, so Tab
 * enters the group at the checked option and the arrow keys move the choice.
 */
export function SegmentedControl<T extends string>({
  label,
  showLabel = false,
  value,
  onChange,
  options,
  className,
}: SegmentedControlProps<T>) {
  const name = useId();
  return (
    <fieldset className={cn("grid gap-1.5", className)}>
      <legend className={showLabel ? "mb-1.5 text-sm font-medium" : "sr-only"}>{label}</legend>
      <div className="inline-flex w-fit gap-1 rounded-lg border bg-muted p-1">
        {options.map((option) => (
          <label
            key={option.value}
            className={cn(
              "relative inline-flex h-8 cursor-pointer items-center gap-2 rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
              "has-checked:bg-surface has-checked:text-foreground has-checked:shadow-xs",
              "has-focus-visible:ring-2 has-focus-visible:ring-ring has-focus-visible:ring-offset-2 has-focus-visible:ring-offset-background",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              // Invisible but covering the whole option: a click anywhere on it is a click on the radio.
              className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0"
            />
            {option.label}
            {option.hint ? (
              <span className="rounded-full bg-success-soft px-1.5 py-0.5 text-xs text-success-soft-foreground">
                {option.hint}
              </span>
            ) : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
