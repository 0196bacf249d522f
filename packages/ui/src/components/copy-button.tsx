import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "./button";

type CopyButtonProps = Omit<ButtonProps, "onClick" | "children" | "asChild"> & {
  value: string;
  /** What is copied, for the button's name and the announcement: "webhook URL". */
  label: string;
};

type CopyState = "idle" | "copied" | "failed";

/** Copies a value to the clipboard and says so, visibly and to screen readers. */
export function CopyButton({ value, label, variant = "outline", size = "sm", ...props }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): the value stays selectable.
      setState("failed");
    }
  }

  return (
    <>
      <Button variant={variant} size={size} aria-label={`Copy ${label}`} onClick={() => void copy()} {...props}>
        {state === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === "copied"
          ? `The ${label} was copied`
          : state === "failed"
            ? `The ${label} could not be copied: select it and copy it yourself`
            : ""}
      </span>
    </>
  );
}
