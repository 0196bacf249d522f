import { STRIPE_WEBHOOK_EVENTS } from "@marquee/api/validators";
import { CopyButton, Input } from "@marquee/ui";
import { useId } from "react";

/** What to enter in Stripe → Developers → Webhooks → Add endpoint. */
export function WebhookEndpointDetails({ webhookUrl }: { webhookUrl: string }) {
  const id = useId();
  return (
    <div className="grid gap-4 rounded-lg border bg-muted/30 p-4">
      <div className="grid gap-1.5">
        <label htmlFor={`${id}-url`} className="text-sm font-medium">
          Endpoint URL
        </label>
        <div className="flex gap-2">
          <Input
            id={`${id}-url`}
            readOnly
            value={webhookUrl}
            aria-describedby={`${id}-url-description`}
            onFocus={(event) => event.currentTarget.select()}
            className="font-mono text-xs"
          />
          <CopyButton value={webhookUrl} label="endpoint URL" className="h-9" />
        </div>
        <p id={`${id}-url-description`} className="text-xs text-muted-foreground">
          In Stripe, open Developers → Webhooks, add an endpoint with this URL, then reveal its signing secret.
        </p>
      </div>
      <div className="grid gap-1.5">
        <p id={`${id}-events`} className="text-sm font-medium">
          Events to send
        </p>
        <ul aria-labelledby={`${id}-events`} className="flex flex-wrap gap-1.5">
          {STRIPE_WEBHOOK_EVENTS.map((event) => (
            <li key={event} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-muted-foreground">
              {event}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
