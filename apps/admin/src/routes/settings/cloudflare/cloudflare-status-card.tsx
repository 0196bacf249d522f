import { Alert, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { trpc } from "../../../lib/trpc";
import type { CloudflareSettings } from "../../../lib/types";
import { ConnectionStatusCard } from "../connection-status-card";
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
      utils.settings.cloudflare.get.setData(undefined, next);
      onTestResult(null);
      toast.success("Your Cloudflare account was disconnected");
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <ConnectionStatusCard
      summary={summarizeStatus(settings)}
      notice={
        own && !own.connected ? (
          <Alert tone="warning" title={`No API token is stored for account ${abbreviateAccountId(own.accountId)}`}>
            Cloudflare rejected the last token, or the account was disconnected. Enter a token below to connect it
            again.
          </Alert>
        ) : null
      }
      details={own ? <CloudflareStatusDetails own={own} /> : null}
      outcome={
        testResult?.ok
          ? {
              ok: true,
              title: "Connected: token verified and videos readable",
              detail: testResult.account === "platform" ? "Tested on the platform's default account." : null,
            }
          : testResult
      }
      testing={test.isPending}
      canTest
      onTest={() => test.mutate()}
      canDisconnect={Boolean(own?.connected)}
      disconnectTitle="Disconnect your Cloudflare account?"
      disconnectDescription={
        settings.platformDefaultAvailable
          ? "Marquee forgets the API token and new uploads go to the platform's default account. Nothing is deleted from your Cloudflare account."
          : "Marquee forgets the API token and uploads stop until you connect an account again. Nothing is deleted from your Cloudflare account."
      }
      onDisconnect={() => disconnect.mutateAsync()}
    />
  );
}
