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
import type { CloudflareSettings } from "../../../lib/types";
import { abbreviateAccountId, summarizeStatus } from "./cloudflare-status";
import { CloudflareStatusDetails } from "./cloudflare-status-details";

export type TestResult = { ok: true; account: "tenant" | "platform" } | { ok: false; message: string };

type CloudflareStatusCardProps = {
  settings: CloudflareSettings;
  testResult: TestResult | null;
  onTestResult: (result: TestResult | null) => void;
};

export function CloudflareStatusCard({ settings, testResult, onTestResult }: CloudflareStatusCardProps) {
  const utils = trpc.useUtils();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const focusStatusOnClose = useRef(false);
  const [disconnecting, setDisconnecting] = useState(false);
  const summary = summarizeStatus(settings);
  const { own } = settings;

  const test = trpc.settings.cloudflare.test.useMutation({
    onMutate: () => onTestResult(null),
    onSuccess: async ({ account }) => {
      onTestResult({ ok: true, account });
      toast.success("Cloudflare connection works");
      await utils.settings.cloudflare.get.invalidate();
    },
    // A rejected token has been cleared on the server: re-read so the card says so.
    onError: async (error) => {
      onTestResult({ ok: false, message: errorMessage(error) });
      await utils.settings.cloudflare.get.invalidate();
    },
  });
  const disconnect = trpc.settings.cloudflare.disconnect.useMutation({
    onSuccess: (next) => {
      focusStatusOnClose.current = true;
      utils.settings.cloudflare.get.setData(undefined, next);
      onTestResult(null);
      toast.success("Your Cloudflare account was disconnected");
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
        {own && !own.connected ? (
          <Alert tone="warning" title={`No API token is stored for account ${abbreviateAccountId(own.accountId)}`}>
            Cloudflare rejected the last token, or the account was disconnected. Enter a token below to connect it
            again.
          </Alert>
        ) : null}
        {own ? <CloudflareStatusDetails own={own} /> : null}
        <div className="empty:hidden">
          {testResult?.ok ? (
            <Alert tone="success" title="Connected: token verified and videos readable">
              {testResult.account === "platform" ? "Tested on the platform's default account." : null}
            </Alert>
          ) : testResult ? (
            <Alert tone="destructive" title="The connection test failed">
              {testResult.message}
            </Alert>
          ) : null}
        </div>
      </CardContent>
      <CardFooter className="flex-wrap">
        <Button variant="outline" size="sm" loading={test.isPending} onClick={() => test.mutate()}>
          <PlugZap aria-hidden="true" />
          Test connection
        </Button>
        {own?.connected ? (
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
        title="Disconnect your Cloudflare account?"
        description={
          settings.platformDefaultAvailable
            ? "Marquee forgets the API token and new uploads go to the platform's default account. Nothing is deleted from your Cloudflare account."
            : "Marquee forgets the API token and uploads stop until you connect an account again. Nothing is deleted from your Cloudflare account."
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
