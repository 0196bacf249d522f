import { zodResolver } from "@hookform/resolvers/zod";
import { billingPolicyInput, CURRENCIES } from "@marquee/api/validators";
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
  NumberInput,
  Select,
  toast,
} from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useId } from "react";
import { useController, useForm } from "react-hook-form";
import { currencyName } from "../../../lib/money";
import { trpc } from "../../../lib/trpc";
import type { PaymentSettings } from "../../../lib/types";

const CURRENCY_OPTIONS = CURRENCIES.map((currency) => ({ value: currency, label: currencyName(currency) }));

// The column is free text; anything outside the list the API accepts shows as the default.
const toFormValues = ({ currency, pastDueGraceDays }: PaymentSettings["policy"]) => ({
  currency: CURRENCIES.find((known) => known === currency) ?? "usd",
  pastDueGraceDays,
});

/** The organization's currency and how long a failed renewal keeps access. */
export function BillingPolicyCard({ settings }: { settings: PaymentSettings }) {
  const utils = trpc.useUtils();
  const titleId = useId();
  const form = useForm({ resolver: zodResolver(billingPolicyInput), defaultValues: toFormValues(settings.policy) });
  const { errors, isDirty } = form.formState;
  const currency = useController({ control: form.control, name: "currency" });
  const update = trpc.settings.payments.updatePolicy.useMutation({
    onSuccess: (saved) => {
      utils.settings.payments.get.setData(undefined, saved);
      form.reset(toFormValues(saved.policy));
      toast.success("Billing policy saved");
    },
    onError: (error) => applyServerErrors(form, error),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle id={titleId}>Billing policy</CardTitle>
        <CardDescription>How members are charged, and what happens when a renewal payment fails.</CardDescription>
      </CardHeader>
      <form noValidate aria-labelledby={titleId} onSubmit={form.handleSubmit((values) => update.mutate(values))}>
        <CardContent className="grid gap-5 sm:grid-cols-2">
          {errors.root?.server ? (
            <Alert tone="destructive" className="sm:col-span-2">
              {errors.root.server.message}
            </Alert>
          ) : null}
          <Field
            label="Currency"
            description="New and edited tiers and token packs are priced in it; other prices keep theirs until edited."
            error={errors.currency?.message}
          >
            <Select value={currency.field.value} onValueChange={currency.field.onChange} options={CURRENCY_OPTIONS} />
          </Field>
          <Field
            label="Grace period"
            hint="0–30 days"
            description="How long members whose renewal payment failed keep access while Stripe retries it."
            error={errors.pastDueGraceDays?.message}
          >
            <NumberInput
              min={0}
              max={30}
              className="w-28"
              {...form.register("pastDueGraceDays", { valueAsNumber: true })}
            />
          </Field>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            Save policy
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
