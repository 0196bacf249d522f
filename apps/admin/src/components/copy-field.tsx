import { CopyButton, Input } from "@marquee/ui";
import { type ReactNode, type Ref, useId } from "react";

type CopyFieldProps = {
  label: string;
  copyLabel: string;
  value: string;
  /** Shown instead of the value (e.g. a mask for a secret); Copy still copies the value. */
  display?: string;
  description?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  /** Called when Copy is pressed, before copying. */
  onCopy?: () => void;
};

/** A read-only value to paste elsewhere, with its label, a Copy button and a line on where it goes. */
export function CopyField({ label, copyLabel, value, display, description, inputRef, onCopy }: CopyFieldProps) {
  const id = useId();
  const masked = display !== undefined && display !== value;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <Input
          ref={inputRef}
          id={id}
          readOnly
          value={display ?? value}
          aria-describedby={description ? `${id}-description` : undefined}
          onFocus={masked ? undefined : (event) => event.currentTarget.select()}
          spellCheck={false}
          className="font-mono text-xs"
        />
        <span className="contents" onClickCapture={onCopy}>
          <CopyButton value={value} label={copyLabel} className="h-9" />
        </span>
      </div>
      {description ? (
        <p id={`${id}-description`} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
    </div>
  );
}
