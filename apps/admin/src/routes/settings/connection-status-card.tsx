import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  ConfirmDialog,
} from "@marquee/ui";
import { PlugZap, Unplug } from "lucide-react";
import { type ReactNode, useRef, useState } from "react";

export type StatusSummary = { tone: "success" | "primary" | "danger"; badge: string; sentence: string };

/** What the last "Test connection" said, in words for the card. */
export type TestOutcome = { ok: true; title: string; detail: string | null } | { ok: false; message: string };

type ConnectionStatusCardProps = {
  summary: StatusSummary;
  /** Shown above the details, e.g. credentials the provider rejected. */
  notice?: ReactNode;
  details?: ReactNode;
  outcome: TestOutcome | null;
  testing: boolean;
  canTest: boolean;
  onTest: () => void;
  canDisconnect: boolean;
  disconnectTitle: string;
  disconnectDescription: string;
  /** Resolves once the provider's credentials are forgotten. */
  onDisconnect: () => Promise<unknown>;
};

/**
 * The account a provider's work goes to (Cloudflare, Stripe): a status that is announced
 * when it changes, the stored details, the last test's outcome, and Test / Disconnect.
 */
export function ConnectionStatusCard(props: ConnectionStatusCardProps) {
  const statusRef = useRef<HTMLParagraphElement>(null);
  const focusStatusOnClose = useRef(false);
  const [disconnecting, setDisconnecting] = useState(false);
  const { summary, outcome } = props;

  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardDescription>Account in use</CardDescription>
          <Badge tone={summary.tone} dot>
            {summary.badge}
          </Badge>
        </div>
        {/* Announced when it changes: after a save, a failed test or a disconnect. */}
        <p ref={statusRef} tabIndex={-1} aria-live="polite" className="text-base font-semibold outline-none">
          {summary.sentence}
        </p>
      </CardHeader>
      <CardContent className="grid gap-5">
        {props.notice}
        {props.details}
        <div className="empty:hidden">
          {outcome?.ok ? (
            <Alert tone="success" title={outcome.title}>
              {outcome.detail}
            </Alert>
          ) : outcome ? (
            <Alert tone="destructive" title="The connection test failed">
              {outcome.message}
            </Alert>
          ) : null}
        </div>
      </CardContent>
      <CardFooter className="flex-wrap">
        <Button variant="outline" size="sm" loading={props.testing} disabled={!props.canTest} onClick={props.onTest}>
          <PlugZap aria-hidden="true" />
          Test connection
        </Button>
        {props.canDisconnect ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setDisconnecting(true)}
            className="text-destructive-soft-foreground hover:bg-destructive-soft sm:ml-auto"
          >
            <Unplug aria-hidden="true" />
            Disconnect
          </Button>
        ) : null}
      </CardFooter>
      <ConfirmDialog
        open={disconnecting}
        onOpenChange={setDisconnecting}
        title={props.disconnectTitle}
        description={props.disconnectDescription}
        confirmLabel="Disconnect"
        tone="destructive"
        onConfirm={async () => {
          await props.onDisconnect();
          focusStatusOnClose.current = true;
        }}
        onCloseAutoFocus={(event) => {
          // The Disconnect button is gone once it worked: land on the new status instead.
          if (!focusStatusOnClose.current) return;
          focusStatusOnClose.current = false;
          event.preventDefault();
          statusRef.current?.focus();
        }}
      />
    </Card>
  );
}
