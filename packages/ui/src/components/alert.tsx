import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "../lib/cn";

const tones = {
  info: { icon: Info, classes: "border-primary/20 bg-primary-soft text-primary-soft-foreground" },
  success: { icon: CircleCheck, classes: "border-success/25 bg-success-soft text-success-soft-foreground" },
  warning: { icon: TriangleAlert, classes: "border-warning/40 bg-warning-soft text-warning-soft-foreground" },
  destructive: {
    icon: CircleAlert,
    classes: "border-destructive/25 bg-destructive-soft text-destructive-soft-foreground",
  },
} as const;

type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  tone?: keyof typeof tones;
  title?: ReactNode;
};

/** An inline message; problems are announced immediately, the rest politely. */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  const { icon: Icon, classes } = tones[tone];
  const urgent = tone === "destructive" || tone === "warning";
  return (
    <div
      role={urgent ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg border px-4 py-3 text-sm", classes, className)}
      {...props}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="grid gap-0.5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="opacity-90">{children}</div> : null}
      </div>
    </div>
  );
}
