import { cn } from "@marquee/ui";
import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

const OPTIONS = [
  {
    value: "managed",
    label: "Register it for me",
    description: "Marquee adds its endpoint to your Stripe account and keeps the signing secret.",
  },
  {
    value: "manual",
    label: "I'll add it in Stripe",
    description: "Create the endpoint in your Stripe dashboard, then paste its signing secret here.",
  },
] as const;

/** Who creates the webhook endpoint Stripe reports payments to. */
export function WebhookModeFieldset({ registration }: { registration: UseFormRegisterReturn<"webhookMode"> }) {
  const id = useId();
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1.5 text-sm font-medium">Webhook endpoint</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {OPTIONS.map((option) => (
          // The whole card selects the option; the title alone names the radio for screen readers.
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer gap-3 rounded-lg border bg-surface p-3 transition-colors hover:bg-muted/50",
              "has-checked:border-primary has-checked:bg-primary-soft/40 has-focus-visible:ring-2 has-focus-visible:ring-ring",
            )}
          >
            <input
              type="radio"
              value={option.value}
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
