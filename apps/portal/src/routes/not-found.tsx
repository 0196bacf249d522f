import { Button } from "@marquee/ui";
import { SearchX } from "lucide-react";
import { Link } from "react-router";

type NotFoundPageProps = {
  title?: string;
  message?: string;
  /** Where to go instead; the home page unless told. */
  back?: { to: string; label: string };
};

export function NotFoundPage({
  title = "Page not found",
  message = "The page you are looking for does not exist or has moved.",
  back = { to: "/", label: "Back to home" },
}: NotFoundPageProps) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-5 px-4 py-24 text-center">
      <title>{`${title} · Marquee`}</title>
      <span className="flex size-14 items-center justify-center rounded-2xl bg-primary-soft text-primary-soft-foreground">
        <SearchX aria-hidden="true" className="size-7" />
      </span>
      <div className="grid gap-2">
        <p className="text-sm font-medium text-primary">404</p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
        <p className="text-muted-foreground">{message}</p>
      </div>
      <Button asChild>
        <Link to={back.to}>{back.label}</Link>
      </Button>
    </div>
  );
}
