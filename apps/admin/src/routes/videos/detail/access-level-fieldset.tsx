import { cn } from "@marquee/ui";
import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { VideoAccessLevel } from "../../../lib/types";

type AccessOption = { value: VideoAccessLevel; label: string; description: string; disabled: boolean };

type AccessLevelFieldsetProps = {
  registration: UseFormRegisterReturn<"accessLevel">;
  tenantName: string;
  /** Why the tier option is off, or null when tiers can be chosen. */
  tierUnavailable: string | null;
};

export function AccessLevelFieldset({ registration, tenantName, tierUnavailable }: AccessLevelFieldsetProps) {
  const id = useId();
  const options: AccessOption[] = [
    { value: "public", label: "Public", description: "Anyone can watch, without signing in.", disabled: false },
    {
      value: "members",
      label: "Members only",
      description: `Everyone who has joined ${tenantName}.`,
      disabled: false,
    },
    {
      value: "tier",
      label: "Tier subscribers",
      description: tierUnavailable ?? "Subscribers to the chosen tier or a higher one.",
      disabled: tierUnavailable !== null,
    },
  ];
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1.5 text-sm font-medium">Who can watch</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {options.map((option) => (
          // The whole card selects the option; the title alone names the radio for screen readers.
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer gap-3 rounded-lg border bg-surface p-3 transition-colors hover:bg-muted/50",
              "has-checked:border-primary has-checked:bg-primary-soft/40 has-focus-visible:ring-2 has-focus-visible:ring-ring",
              option.disabled && "cursor-not-allowed opacity-60 hover:bg-surface",
            )}
          >
            <input
              type="radio"
              value={option.value}
              disabled={option.disabled}
              aria-labelledby={`${id}-${option.value}`}
              aria-describedby={`${id}-${option.value}-description`}
              className="mt-0.5 size-4 shrink-0 accent-primary outline-none"
              {...registration}
            />
            <span className="grid gap-0.5">
              <span id={`${id}-${option.value}`} className="text-sm font-medium">
                {option.label}
              </span>
              <span id={`${id}-${option.value}-description`} className="text-xs text-muted-foreground">
                {option.description}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
