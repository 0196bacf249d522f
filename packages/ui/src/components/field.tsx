import { Label } from "@radix-ui/react-label";
import { Slot } from "@radix-ui/react-slot";
import { CircleAlert } from "lucide-react";
import { type ReactElement, type ReactNode, useId } from "react";
import { cn } from "../lib/cn";

type FieldProps = {
  label: ReactNode;
  description?: ReactNode;
  /** The validation message; when set the control is marked invalid and points at it. */
  error?: string | undefined;
  /** Shown after the label, e.g. "Optional". */
  hint?: ReactNode;
  id?: string;
  className?: string;
  /** A single control (Input, Textarea, Select...) that receives id and aria attributes. */
  children: ReactElement;
};

/** Label, control, description and error, wired together for assistive technology. */
export function Field({ label, description, error, hint, id, className, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={controlId} className="text-sm font-medium text-foreground">
          {label}
        </Label>
        {hint ? <span className="text-xs text-muted-foreground">{hint}</span> : null}
      </div>
      <Slot id={controlId} aria-describedby={describedBy || undefined} aria-invalid={error ? true : undefined}>
        {children}
      </Slot>
      {description ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-xs font-medium text-destructive-soft-foreground">
          <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          {error}
        </p>
      ) : null}
    </div>
  );
}
