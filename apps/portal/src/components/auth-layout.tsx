import { Card, CardContent } from "@marquee/ui";
import type { ReactNode } from "react";

type AuthLayoutProps = {
  title: string;
  description: ReactNode;
  children: ReactNode;
  footer: ReactNode;
};

/** The narrow centred card that sign-in and sign-up share. */
export function AuthLayout({ title, description, children, footer }: AuthLayoutProps) {
  return (
    <div className="relative isolate px-4 py-12 sm:py-20">
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 h-72 bg-linear-to-b from-primary-soft/70 to-transparent"
      />
      <title>{`${title} · Marquee`}</title>
      <div className="mx-auto grid w-full max-w-sm gap-6">
        <div className="grid gap-1.5 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="text-sm text-muted-foreground">{description}</p>
        </div>
        <Card className="shadow-sm">
          <CardContent>{children}</CardContent>
        </Card>
        <p className="text-center text-sm text-muted-foreground">{footer}</p>
      </div>
    </div>
  );
}
