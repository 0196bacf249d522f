import { Button } from "@marquee/ui";
import { ArrowRight, Clapperboard, Radio, UsersRound } from "lucide-react";
import { Link } from "react-router";

const pillars = [
  {
    icon: Clapperboard,
    title: "Your library, your brand",
    text: "Each organization gets its own space on Marquee, at its own address.",
  },
  {
    icon: UsersRound,
    title: "Members and roles",
    text: "Owners, admins and instructors run things; members join with one click.",
  },
  {
    icon: Radio,
    title: "Built for video",
    text: "Streaming runs on Cloudflare, on each organization's own account.",
  },
];

export function Landing() {
  return (
    <div className="relative isolate overflow-hidden">
      <title>Marquee · Video memberships</title>
      <div
        aria-hidden="true"
        className="absolute inset-x-0 -top-40 -z-10 h-[36rem] bg-[radial-gradient(ellipse_at_top,var(--color-primary-soft),transparent_65%)]"
      />
      <section className="mx-auto flex max-w-3xl flex-col items-center gap-6 px-4 pt-20 pb-16 text-center sm:pt-28">
        <span className="rounded-full border bg-surface px-3 py-1 text-xs font-medium text-muted-foreground shadow-xs">
          Video memberships for studios, schools and creators
        </span>
        <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-6xl">
          Bring your audience{" "}
          <span className="bg-linear-to-r from-primary via-rose to-amber bg-clip-text text-transparent">
            under one roof
          </span>
        </h1>
        <p className="max-w-xl text-base text-pretty text-muted-foreground sm:text-lg">
          Marquee gives every organization a home for its members: one account to sign in, a page to join, and a console
          for the people who run it.
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button asChild size="lg">
            <Link to="/sign-up">
              Create an account
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link to="/sign-in">Sign in</Link>
          </Button>
        </div>
      </section>
      <section aria-labelledby="pillars" className="mx-auto max-w-5xl px-4 pb-24 sm:px-6">
        <h2 id="pillars" className="sr-only">
          What Marquee does
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {pillars.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-xl border bg-surface p-5 shadow-xs">
              <span className="mb-4 flex size-10 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
                <Icon aria-hidden="true" className="size-5" />
              </span>
              <h3 className="font-semibold">{title}</h3>
              <p className="mt-1 text-sm text-muted-foreground">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
