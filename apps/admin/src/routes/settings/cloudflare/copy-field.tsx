import { CopyButton, Input } from "@marquee/ui";
import { type ReactNode, type Ref, useId } from "react";

type CopyFieldProps = {
  label: string;
  copyLabel: string;
  value: string;
  description: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
};

/** A read-only value to paste elsewhere, with its label, a Copy button and a line on where it goes. */
export function CopyField({ label, copyLabel, value, description, inputRef }: CopyFieldProps) {
  const id = useId();
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
          value={value}
          aria-describedby={`${id}-description`}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          className="font-mono text-xs"
        />
        <CopyButton value={value} label={copyLabel} className="h-9" />
      </div>
      <p id={`${id}-description`} className="text-xs text-muted-foreground">
        {description}
      </p>
    </div>
  );
}
