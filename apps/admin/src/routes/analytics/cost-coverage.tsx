import { Alert } from "@marquee/ui";
import { Link } from "react-router";
import { pluralize } from "../../lib/format";
import { useTenant } from "../../lib/tenant-context";
import type { TenantCost } from "../../lib/types";

/**
 * How much of the period Cloudflare's delivered minutes cover. They are fetched once a day
 * for the days before, so a period ending today always misses a day; a failing token misses them all.
 */
export function CostCoverage({ cost }: { cost: TenantCost }) {
  const tenant = useTenant();
  const { days, fetchedDays, lastError } = cost.coverage;
  const covered = `Cloudflare's delivery figures cover ${fetchedDays} of ${pluralize(days, "day")}.`;

  if (lastError) {
    return (
      <Alert tone="warning" title="Cloudflare's delivery figures could not be fetched">
        <p>
          {covered} The last attempt failed: <q>{lastError}</q>
        </p>
        <p>
          Check the API token in{" "}
          <Link
            to={`/t/${tenant.slug}/settings/cloudflare`}
            className="font-medium underline underline-offset-4 hover:no-underline"
          >
            Settings → Cloudflare
          </Link>
          ; until then, delivery counts only the days fetched.
        </p>
      </Alert>
    );
  }
  if (fetchedDays < days) {
    return (
      <p className="text-sm text-muted-foreground">
        {covered} Marquee fetches a day's figures after it ends; the days without them count no delivery.
      </p>
    );
  }
  return <p className="text-sm text-muted-foreground">{covered}</p>;
}
