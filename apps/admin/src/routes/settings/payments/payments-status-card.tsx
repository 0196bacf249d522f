import { toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { trpc } from "../../../lib/trpc";
import type { PaymentSettings, PaymentTestResult } from "../../../lib/types";
import { ConnectionStatusCard } from "../connection-status-card";
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
      utils.settings.payments.get.setData(undefined, next);
      onTestResult(null);
      toast.success("Your Stripe account was disconnected");
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <ConnectionStatusCard
      summary={summarizePayments(settings)}
      details={own ? <PaymentsStatusDetails own={own} /> : null}
      outcome={
        testResult?.ok
          ? {
              ok: true,
              title: "Connected: secret key verified",
              detail:
                testResult.account === "platform"
                  ? "Tested on the platform's default account."
                  : `Stripe account ${testResult.accountName ?? testResult.accountId}.`,
            }
          : testResult
      }
      testing={test.isPending}
      canTest={settings.inUse !== "none"}
      onTest={() => test.mutate()}
      canDisconnect={own !== null}
      disconnectTitle="Disconnect your Stripe account?"
      disconnectDescription={
        settings.platformDefaultAvailable
          ? "Marquee forgets the keys and new payments go to the platform's default account. Subscriptions already running stay in your Stripe account; nothing is deleted there."
          : "Marquee forgets the keys and members cannot subscribe or buy tokens until you connect an account again. Subscriptions already running stay in your Stripe account; nothing is deleted there."
      }
      onDisconnect={() => disconnect.mutateAsync()}
    />
  );
}
