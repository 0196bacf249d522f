import { Button, EmptyState } from "@marquee/ui";
import { SearchX } from "lucide-react";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <>
      <title>Not found · Marquee Console</title>
      <EmptyState
        icon={SearchX}
        title="Page not found"
        description="This console page does not exist or has moved."
        action={
          <Button asChild variant="outline">
            <Link to="/">Back to the console</Link>
          </Button>
        }
      />
    </>
  );
}
