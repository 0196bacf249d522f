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
  toast,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { PlugZap, Unplug } from "lucide-react";
import { useRef, useState } from "react";
import { trpc } from "../../../lib/trpc";
import type { PaymentSettings, PaymentTestResult } from "../../../lib/types";
import { summarizePayments } from "./payments-status";
import { PaymentsStatusDetails } from "./payments-status-details";

export type PaymentsTest = PaymentTestResult | { ok: false; message: string };

type PaymentsStatusCardProps = {
  settings: PaymentSettings;
  testResult: PaymentsTest | null;
  onTestResult: (result: PaymentsTest | null) => void;
};

export function PaymentsStatusCard({ settings, testResult, onTestResult }: PaymentsStatusCardProps) {
  const utils = trpc.useUtils();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const focusStatusOnClose = useRef(false);
  const [disconnecting, setDisconnecting] = useState(false);
  const summary = summarizePayments(settings);
  const { own } = settings;

  const test = trpc.settings.payments.test.useMutation({
    onMutate: () => onTestResult(null),
    onSuccess: async (result) => {
      onTestResult(result);
      toast.success("Stripe connection works");
      await utils.settings.payments.get.invalidate();
    },
    // A key Stripe rejects is forgotten on the server: re-read so the card says so.
    onError: async (error) => {
      onTestResult({ ok: false, message: errorMessage(error) });
      await utils.settings.payments.get.invalidate();
    },
  });
  const disconnect = trpc.settings.payments.disconnect.useMutation({
    onSuccess: (next) => {
      focusStatusOnClose.current = true;
      utils.settings.payments.get.setData(undefined, next);
      onTestResult(null);
      toast.success("Your Stripe account was disconnected");
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

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
        {own ? <PaymentsStatusDetails own={own} /> : null}
        <div className="empty:hidden">
          {testResult?.ok ? (
            <Alert tone="success" title="Connected: secret key verified">
              {testResult.account === "platform"
                ? "Tested on the platform's default account."
                : `Stripe account ${testResult.accountName ?? testResult.accountId}.`}
            </Alert>
          ) : testResult ? (
            <Alert tone="destructive" title="The connection test failed">
              {testResult.message}
            </Alert>
          ) : null}
        </div>
      </CardContent>
      <CardFooter className="flex-wrap">
        <Button
          variant="outline"
          size="sm"
          loading={test.isPending}
          disabled={settings.inUse === "none"}
          onClick={() => test.mutate()}
        >
          <PlugZap aria-hidden="true" />
          Test connection
        </Button>
        {own ? (
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
        title="Disconnect your Stripe account?"
        description={
          settings.platformDefaultAvailable
            ? "Marquee forgets the keys and new payments go to the platform's default account. Subscriptions already running stay in your Stripe account; nothing is deleted there."
            : "Marquee forgets the keys and members cannot subscribe or buy tokens until you connect an account again. Subscriptions already running stay in your Stripe account; nothing is deleted there."
        }
        confirmLabel="Disconnect"
        tone="destructive"
        onConfirm={() => disconnect.mutateAsync()}
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
