import { Eye, EyeOff, Search } from "lucide-react";
import { type ComponentProps, useState } from "react";
import { cn } from "../lib/cn";

const controlClasses = [
  "w-full min-w-0 rounded-md border border-input bg-surface px-3 text-sm text-foreground shadow-xs transition-colors",
  "placeholder:text-muted-foreground/80 disabled:cursor-not-allowed disabled:opacity-60",
  "outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/20",
];

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(controlClasses, "h-9 py-1", className)} {...props} />;
}

/** A whole-number box: a numeric keypad on phones, steps of 1 unless told. */
export function NumberInput({ step = 1, ...props }: Omit<ComponentProps<"input">, "type" | "inputMode">) {
  return <Input type="number" inputMode="numeric" step={step} {...props} />;
}

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(controlClasses, "min-h-20 resize-y py-2", className)} {...props} />;
}

/** A search box for filtering lists; give it an aria-label since it has no visible label. */
export function SearchInput({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <div className={cn("relative w-full sm:max-w-xs", className)}>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <Input type="search" className="pl-9" {...props} />
    </div>
  );
}

type PasswordInputProps = Omit<ComponentProps<"input">, "type"> & {
  /** What the box holds, for the toggle's label ("Show API token"); "password" unless told. */
  secretName?: string;
};

/** A password box with a show/hide toggle, so people can check what they typed on a phone. */
export function PasswordInput({ className, secretName = "password", ...props }: PasswordInputProps) {
  const [visible, setVisible] = useState(false);
  const Icon = visible ? EyeOff : Eye;
  return (
    <div className={cn("relative w-full", className)}>
      <Input type={visible ? "text" : "password"} className="pr-10" {...props} />
      <button
        type="button"
        aria-label={`${visible ? "Hide" : "Show"} ${secretName}`}
        aria-pressed={visible}
        onClick={() => setVisible((current) => !current)}
        className="absolute top-1/2 right-1 flex size-7 -translate-y-1/2 cursor-pointer items-center justify-center rounded text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <Icon aria-hidden="true" className="size-4" />
      </button>
    </div>
  );
}
