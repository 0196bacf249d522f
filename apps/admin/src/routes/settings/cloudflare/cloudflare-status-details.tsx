import { Badge } from "@marquee/ui";
import { formatDateTime } from "../../../lib/format";
import type { CloudflareSettings } from "../../../lib/types";

type OwnConnection = NonNullable<CloudflareSettings["own"]>;

/** What is stored for the organization's own account; secrets only as their masked hint. */
export function CloudflareStatusDetails({ own }: { own: OwnConnection }) {
  const rows = [
    {
      term: "API token",
      value: own.apiTokenHint ? <span className="font-mono">{own.apiTokenHint}</span> : "None stored",
    },
    {
      term: "Last verified",
      value: own.verifiedAt ? (
        <time dateTime={own.verifiedAt.toISOString()}>{formatDateTime(own.verifiedAt)}</time>
      ) : (
        "Not verified"
      ),
    },
    {
      term: "Webhook",
      value: own.webhookRegistered ? (
        <Badge tone="success" dot>
          Registered
        </Badge>
      ) : (
        <Badge dot>Not registered</Badge>
      ),
    },
    {
      term: "Signing key",
      value: own.signingKeyId ? <span className="font-mono break-all">{own.signingKeyId}</span> : "None",
    },
  ];
  return (
    <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
      {rows.map(({ term, value }) => (
        <div key={term} className="grid min-w-0 gap-1">
          <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{term}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
