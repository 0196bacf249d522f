import { zodResolver } from "@hookform/resolvers/zod";
import { AffixInput, Alert, Button, DialogClose, DialogContent, DialogFooter, Field, Input, toast } from "@marquee/ui";
import { useForm } from "react-hook-form";
import { applyServerErrorsAs } from "../../lib/form-errors";
import { currencyName, currencySymbol, formatMoney, moneyExample, parseMoney } from "../../lib/money";
import { trpc } from "../../lib/trpc";
import type { PackRow, StripeSync } from "../../lib/types";
import { PACK_SERVER_FIELDS, packFormSchema, toFormValues, toPackInput } from "./pack-form-schema";

type PackFormDialogProps = {
  /** The pack to edit, or null for a new one. */
  pack: PackRow | null;
  currency: string;
  onSaved: (saved: { name: string; stripe: StripeSync }) => void;
};

/** "$4.17 per token", while the numbers make sense. */
function perToken(tokens: number, price: string, currency: string): string | null {
  const cents = parseMoney(price, currency);
  if (cents === null || !Number.isInteger(tokens) || tokens < 1) return null;
  return `${formatMoney(Math.round(cents / tokens), currency)} per token`;
}

/** The form inside the "New token pack" and "Edit" dialogs; mounted afresh each time one opens. */
export function PackFormDialog({ pack, currency, onSaved }: PackFormDialogProps) {
  const utils = trpc.useUtils();
  const form = useForm({ resolver: zodResolver(packFormSchema(currency)), defaultValues: toFormValues(pack) });
  const { errors } = form.formState;
  const onSuccess = async (saved: { pack: { name: string }; stripe: StripeSync }) => {
    toast.success(pack ? `${saved.pack.name} was saved` : `${saved.pack.name} was created`);
    onSaved({ name: saved.pack.name, stripe: saved.stripe });
    await utils.packs.list.invalidate();
  };
  const onError = (error: unknown) => applyServerErrorsAs(form, error, PACK_SERVER_FIELDS);
  const create = trpc.packs.create.useMutation({ onSuccess, onError });
  const update = trpc.packs.update.useMutation({ onSuccess, onError });
  const unitPrice = perToken(form.watch("tokens"), form.watch("price"), currency);

  return (
    <DialogContent
      title={pack ? `Edit ${pack.name}` : "New token pack"}
      description="Tokens members buy once and spend on live classes."
    >
      <form
        noValidate
        className="grid gap-4"
        onSubmit={form.handleSubmit((values) => {
          const input = toPackInput(values, currency);
          if (pack) update.mutate({ id: pack.id, ...input });
          else create.mutate(input);
        })}
      >
        {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
        {pack && pack.currency !== currency ? (
          <Alert tone="warning">
            Its price is in {pack.currency.toUpperCase()}; saving prices it in {currency.toUpperCase()}, your
            organization's currency now.
          </Alert>
        ) : null}
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" autoFocus placeholder="Class pass" {...form.register("name")} />
        </Field>
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <Field label="Tokens" description="One token is usually one class." error={errors.tokens?.message}>
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={100_000}
              step={1}
              {...form.register("tokens", { valueAsNumber: true })}
            />
          </Field>
          <Field
            label="Price"
            description={
              unitPrice
                ? `In ${currencyName(currency)}: ${unitPrice}.`
                : `In ${currencyName(currency)}, e.g. ${moneyExample(currency)}.`
            }
            error={errors.price?.message}
          >
            <AffixInput
              inputMode="decimal"
              autoComplete="off"
              prefix={currencySymbol(currency)}
              {...form.register("price")}
            />
          </Field>
        </div>
        <DialogFooter className="pt-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {pack ? "Save changes" : "Create pack"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
