import { zodResolver } from "@hookform/resolvers/zod";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  Field,
  PasswordInput,
  toast,
} from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { trpc } from "../../../lib/trpc";
import type { PaymentSettings } from "../../../lib/types";
import { currentWebhookMode, stripeCredentialsForm, toSaveInput } from "./stripe-form-schema";
import { WebhookEndpointDetails } from "./webhook-endpoint-details";
import { WebhookModeFieldset } from "./webhook-mode-fieldset";

type StripeCredentialsFormProps = {
  settings: PaymentSettings;
  /** A save was sent: an earlier test result no longer describes what is stored. */
  onSave: () => void;
};

/** Secrets never come back from the server: the key is entered again on every save. */
export function StripeCredentialsForm({ settings, onSave }: StripeCredentialsFormProps) {
  const utils = trpc.useUtils();
  const titleId = useId();
  const keyHint = settings.own?.secretKeyHint ?? null;
  const secretHint = settings.own?.webhookManaged ? null : (settings.own?.webhookSecretHint ?? null);
  const form = useForm({
    resolver: zodResolver(stripeCredentialsForm),
    defaultValues: { secretKey: "", webhookMode: currentWebhookMode(settings), webhookSecret: "" },
  });
  const { errors } = form.formState;
  const webhookMode = form.watch("webhookMode");
  const save = trpc.settings.payments.save.useMutation({
    onMutate: onSave,
    onSuccess: (saved, input) => {
      utils.settings.payments.get.setData(undefined, saved);
      form.reset({ secretKey: "", webhookMode: input.webhookSecret ? "manual" : "managed", webhookSecret: "" });
      toast.success("Stripe account connected");
    },
    // A key Stripe rejects was also forgotten on the server: re-read so the status card says so.
    onError: async (error) => {
      applyServerErrors(form, error);
      await utils.settings.payments.get.invalidate();
    },
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle id={titleId}>Your Stripe account</CardTitle>
        <CardDescription>
          Copy the secret key from Stripe → Developers → API keys. Marquee checks it with Stripe before saving.
        </CardDescription>
      </CardHeader>
      <form
        noValidate
        aria-labelledby={titleId}
        onSubmit={form.handleSubmit((values) => save.mutate(toSaveInput(values)))}
      >
        <CardContent className="grid gap-5">
          {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
          <Field
            label="Secret key"
            description={
              keyHint
                ? "A key is stored and never shown again. Enter it, or a new one, each time you save."
                : "Starts with sk_live_ or sk_test_. A restricted key (rk_) works if it may manage products, prices, customers, checkout and webhooks."
            }
            error={errors.secretKey?.message}
          >
            <PasswordInput
              secretName="secret key"
              autoComplete="off"
              spellCheck={false}
              placeholder={keyHint ?? "sk_live_…"}
              className="font-mono"
              {...form.register("secretKey")}
            />
          </Field>
          <WebhookModeFieldset registration={form.register("webhookMode")} />
          {webhookMode === "manual" ? (
            <>
              <WebhookEndpointDetails webhookUrl={settings.webhookUrl} />
              <Field
                label="Signing secret"
                description="Starts with whsec_. Stripe shows it on the endpoint's page."
                error={errors.webhookSecret?.message}
              >
                <PasswordInput
                  secretName="signing secret"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={secretHint ?? "whsec_…"}
                  className="font-mono"
                  {...form.register("webhookSecret")}
                />
              </Field>
            </>
          ) : null}
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
