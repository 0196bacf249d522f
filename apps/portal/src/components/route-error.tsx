import { Button, ErrorState } from "@marquee/ui";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { NotFoundPage } from "../routes/not-found";

/** Last line of defence for a crash while rendering: offer a reload rather than a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="mx-auto max-w-lg px-4 py-20">
      <ErrorState
        title="This page hit a problem"
        message="Something unexpected happened. Reloading usually fixes it."
        onRetry={() => window.location.reload()}
      />
      <div className="mt-4 text-center">
        <Button asChild variant="link">
          <a href="/">Go to the home page</a>
        </Button>
      </div>
    </div>
  );
}
