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
  ConfirmDialog,
  Field,
  Input,
  PasswordInput,
  toast,
} from "@marquee/ui";
import { applyServerErrors, toUserError } from "@marquee/ui/trpc";
import { useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { trpc } from "../../../lib/trpc";
import type { CloudflareSettings } from "../../../lib/types";
import { type CloudflareCredentials, cloudflareCredentialsForm, toSaveInput } from "./cloudflare-form-schema";

const FIELDS = ["accountId", "apiToken", "customerCode"] as const;
type FieldName = (typeof FIELDS)[number];

const isField = (name: string): name is FieldName => FIELDS.some((field) => field === name);

type CloudflareCredentialsFormProps = {
  settings: CloudflareSettings;
  /** A save was sent: an earlier test result no longer describes what is stored. */
  onSave: () => void;
};

/** Account ID and customer code are not secrets and start filled in; the token never is. */
export function CloudflareCredentialsForm({ settings, onSave }: CloudflareCredentialsFormProps) {
  const utils = trpc.useUtils();
  const titleId = useId();
  const tokenHint = settings.own?.apiTokenHint ?? null;
  const form = useForm({
    resolver: zodResolver(cloudflareCredentialsForm),
    defaultValues: {
      accountId: settings.own?.accountId ?? "",
      apiToken: "",
      customerCode: settings.own?.customerCode ?? "",
    },
  });
  const { errors } = form.formState;
  const [confirming, setConfirming] = useState<CloudflareCredentials | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const focusOnClose = useRef<FieldName | null>(null);
  const save = trpc.settings.cloudflare.save.useMutation();

  async function saveConfirmed(values: CloudflareCredentials) {
    onSave();
    try {
      const saved = await save.mutateAsync(toSaveInput(values, true));
      utils.settings.cloudflare.get.setData(undefined, saved);
      form.reset({ accountId: values.accountId, apiToken: "", customerCode: values.customerCode });
      toast.success("Cloudflare account connected");
    } catch (error) {
      const userError = toUserError(error);
      // Another webhook appeared since the user agreed: show why, and let them confirm again.
      const webhookConflict = userError.fieldErrors.replaceWebhook;
      if (webhookConflict) {
        setConflict(webhookConflict);
        throw error;
      }
      // Everything else belongs to the form. A rejected token was also cleared on the server.
      applyServerErrors(form, error);
      focusOnClose.current = Object.keys(userError.fieldErrors).find(isField) ?? null;
      await utils.settings.cloudflare.get.invalidate();
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle id={titleId}>Your Cloudflare account</CardTitle>
        <CardDescription>
          Copy these from your Cloudflare dashboard. Marquee checks them with Cloudflare before saving.
        </CardDescription>
      </CardHeader>
      <form
        noValidate
        aria-labelledby={titleId}
        onSubmit={form.handleSubmit((values) => {
          setConflict(null);
          setConfirming(values);
        })}
      >
        <CardContent className="grid gap-4">
          {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
          <Field
            label="Account ID"
            description="32 letters and digits, from your Cloudflare dashboard."
            error={errors.accountId?.message}
          >
            <Input autoComplete="off" spellCheck={false} className="font-mono" {...form.register("accountId")} />
          </Field>
          <Field
            label="API token"
            description={
              tokenHint
                ? "A token is stored and never shown again. Enter it, or a new one, each time you save."
                : "Create one under My Profile → API Tokens with Stream Read and Edit permission for this account."
            }
            error={errors.apiToken?.message}
          >
            <PasswordInput
              secretName="API token"
              autoComplete="off"
              spellCheck={false}
              placeholder={tokenHint ?? ""}
              className="font-mono"
              {...form.register("apiToken")}
            />
          </Field>
          <Field
            label="Customer code"
            description="The part after customer- in your Stream playback URLs."
            error={errors.customerCode?.message}
          >
            <Input autoComplete="off" spellCheck={false} className="font-mono" {...form.register("customerCode")} />
          </Field>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" disabled={save.isPending}>
            Save
          </Button>
        </CardFooter>
      </form>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => {
          if (open) return;
          setConfirming(null);
          setConflict(null);
        }}
        title="Connect this Cloudflare account?"
        description="Marquee will register its webhook on this Cloudflare account. Cloudflare allows one Stream webhook per account, so any webhook this account already has will be replaced."
        confirmLabel="Replace webhook and save"
        onConfirm={() => (confirming ? saveConfirmed(confirming) : undefined)}
        onCloseAutoFocus={(event) => {
          const field = focusOnClose.current;
          focusOnClose.current = null;
          if (!field) return;
          event.preventDefault();
          form.setFocus(field);
        }}
      >
        {conflict ? <Alert tone="destructive">{conflict}</Alert> : null}
      </ConfirmDialog>
    </Card>
  );
}
