import { Badge } from "@marquee/ui";
import { formatDateTime } from "../../../lib/format";
import type { PaymentSettings } from "../../../lib/types";

type OwnAccount = NonNullable<PaymentSettings["own"]>;

/** What is stored for the organization's own Stripe account; secrets only as their masked hint. */
export function PaymentsStatusDetails({ own }: { own: OwnAccount }) {
  const rows = [
    {
      term: "Account",
      value: own.accountId ? <span className="font-mono break-all">{own.accountId}</span> : "Unknown",
    },
    {
      term: "Secret key",
      value: own.secretKeyHint ? <span className="font-mono">{own.secretKeyHint}</span> : "None stored",
    },
    {
      term: "Webhook",
      value: own.webhookManaged ? (
        <Badge tone="success" dot>
          Registered by Marquee
        </Badge>
      ) : own.webhookConfigured ? (
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone="success" dot>
            Signing secret entered
          </Badge>
          {own.webhookSecretHint ? <span className="font-mono">{own.webhookSecretHint}</span> : null}
        </span>
      ) : (
        <Badge tone="warning" dot>
          Not configured
        </Badge>
      ),
    },
    {
      term: "Last verified",
      value: own.verifiedAt ? (
        <time dateTime={own.verifiedAt.toISOString()}>{formatDateTime(own.verifiedAt)}</time>
      ) : (
        "Not verified"
      ),
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
