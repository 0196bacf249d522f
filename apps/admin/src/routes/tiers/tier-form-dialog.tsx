import { zodResolver } from "@hookform/resolvers/zod";
import {
  AffixInput,
  Alert,
  Button,
  DialogClose,
  DialogContent,
  DialogFooter,
  Field,
  Input,
  Textarea,
  toast,
} from "@marquee/ui";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrorsAs } from "../../lib/form-errors";
import { currencyName, currencySymbol, moneyExample } from "../../lib/money";
import { trpc } from "../../lib/trpc";
import type { StripeSync, TierRow } from "../../lib/types";
import { BenefitsFieldset } from "./benefits-fieldset";
import { TIER_SERVER_FIELDS, tierFormSchema, toFormValues, toTierInput } from "./tier-form-schema";

type TierFormDialogProps = {
  /** The tier to edit, or null for a new one. */
  tier: TierRow | null;
  /** The organization's currency: what the prices are typed in. */
  currency: string;
  suggestedRank: number;
  onSaved: (saved: { name: string; stripe: StripeSync }) => void;
};

/** The form inside the "New tier" and "Edit" dialogs; mounted afresh each time one opens. */
export function TierFormDialog({ tier, currency, suggestedRank, onSaved }: TierFormDialogProps) {
  const utils = trpc.useUtils();
  const priceHelpId = useId();
  const form = useForm({
    resolver: zodResolver(tierFormSchema(currency)),
    defaultValues: toFormValues(tier, suggestedRank),
  });
  const { errors } = form.formState;
  const onSuccess = async (saved: { tier: { name: string }; stripe: StripeSync }) => {
    toast.success(tier ? `${saved.tier.name} was saved` : `${saved.tier.name} was created`);
    onSaved({ name: saved.tier.name, stripe: saved.stripe });
    await Promise.all([utils.tiers.listAll.invalidate(), utils.tiers.list.invalidate()]);
  };
  const onError = (error: unknown) => applyServerErrorsAs(form, error, TIER_SERVER_FIELDS);
  const create = trpc.tiers.create.useMutation({ onSuccess, onError });
  const update = trpc.tiers.update.useMutation({ onSuccess, onError });
  const symbol = currencySymbol(currency);
  const priceHelp = `In ${currencyName(currency)}, e.g. ${moneyExample(currency)}. Leave one empty to offer only the other.`;

  return (
    <DialogContent
      title={tier ? `Edit ${tier.name}` : "New tier"}
      description="A subscription members pay monthly or yearly. Videos can require a tier or a higher one."
      className="max-w-xl"
    >
      <form
        noValidate
        className="grid gap-5"
        onSubmit={form.handleSubmit((values) => {
          const input = toTierInput(values, currency);
          if (tier) update.mutate({ id: tier.id, ...input });
          else create.mutate(input);
        })}
      >
        {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
        {tier && tier.currency !== currency ? (
          <Alert tone="warning">
            Its prices are in {tier.currency.toUpperCase()}; saving prices it in {currency.toUpperCase()}, your
            organization's currency now.
          </Alert>
        ) : null}
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="off" autoFocus placeholder="Premium" {...form.register("name")} />
        </Field>
        <Field label="Description" hint="Optional" error={errors.description?.message}>
          <Textarea rows={2} {...form.register("description")} />
        </Field>
        <Field
          label="Rank"
          description="Higher ranks include lower ones: a video for rank 1 is open to every tier. Each tier has its own rank."
          error={errors.rank?.message}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            className="w-28"
            {...form.register("rank", { valueAsNumber: true })}
          />
        </Field>
        <fieldset className="grid gap-2" aria-describedby={priceHelpId}>
          <legend className="mb-1.5 text-sm font-medium">Price</legend>
          <p id={priceHelpId} className="-mt-1 text-xs text-muted-foreground">
            {priceHelp}
          </p>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field label="Monthly price" error={errors.monthlyPrice?.message}>
              <AffixInput
                inputMode="decimal"
                autoComplete="off"
                prefix={symbol}
                suffix="/ month"
                {...form.register("monthlyPrice")}
              />
            </Field>
            <Field label="Yearly price" error={errors.yearlyPrice?.message}>
              <AffixInput
                inputMode="decimal"
                autoComplete="off"
                prefix={symbol}
                suffix="/ year"
                {...form.register("yearlyPrice")}
              />
            </Field>
          </div>
        </fieldset>
        <BenefitsFieldset form={form} />
        <DialogFooter className="pt-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {tier ? "Save changes" : "Create tier"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
