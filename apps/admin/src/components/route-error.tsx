import { Button, ErrorState } from "@marquee/ui";

/** Last line of defence for a crash while rendering: offer a reload rather than a blank page. */
export function RouteError() {
  return (
    <div className="mx-auto max-w-lg px-4 py-24">
      <ErrorState
        title="This page hit a problem"
        message="Something unexpected happened. Reloading usually fixes it."
        onRetry={() => window.location.reload()}
      />
      <div className="mt-4 text-center">
        <Button asChild variant="link">
          <a href="/admin/">Back to the console</a>
        </Button>
      </div>
    </div>
  );
}
