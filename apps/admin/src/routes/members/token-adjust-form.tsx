import { zodResolver } from "@hookform/resolvers/zod";
import { adjustTokensInput } from "@marquee/api/validators";
import { Alert, Button, Field, Input, toast } from "@marquee/ui";
import { Minus, Plus } from "lucide-react";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerErrorsAs } from "../../lib/form-errors";
import { pluralize } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import type { MemberRow } from "../../lib/types";

const MAX_TOKENS = 100_000;

// The API takes one signed `delta`; the form asks for a direction and a count, with the API's limits.
const tokenAdjustForm = z.object({
  direction: z.enum(["grant", "deduct"]),
  amount: z
    .string()
    .trim()
    .regex(/^\d+$/, "Enter a whole number of tokens")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, "Enter at least 1 token")
        .max(MAX_TOKENS, `Use at most ${MAX_TOKENS.toLocaleString("en")} tokens at once`),
    ),
  note: adjustTokensInput.shape.note,
});

const EMPTY: z.input<typeof tokenAdjustForm> = { direction: "grant", amount: "", note: "" };

const DIRECTIONS = [
  { value: "grant", label: "Grant", icon: Plus },
  { value: "deduct", label: "Deduct", icon: Minus },
] as const;

export function TokenAdjustForm({ member }: { member: MemberRow }) {
  const utils = trpc.useUtils();
  const id = useId();
  const form = useForm({
    resolver: zodResolver(tokenAdjustForm),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;
  const direction = form.watch("direction");
  const adjust = trpc.members.adjustTokens.useMutation({
    onSuccess: async ({ balance }, { delta }) => {
      const count = pluralize(Math.abs(delta), "token");
      toast.success(delta > 0 ? `Granted ${count} to ${member.name}` : `Deducted ${count} from ${member.name}`, {
        description: `New balance: ${pluralize(balance, "token")}`,
      });
      form.reset({ ...EMPTY, direction: delta > 0 ? "grant" : "deduct" });
      await Promise.all([
        utils.members.list.invalidate(),
        utils.members.tokenHistory.invalidate({ membershipId: member.membershipId }),
      ]);
    },
    onError: (error) => applyServerErrorsAs(form, error, { delta: "amount" }),
  });

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="grid gap-4 rounded-lg border bg-muted/30 p-4"
      onSubmit={form.handleSubmit((values) =>
        adjust.mutate({
          membershipId: member.membershipId,
          delta: values.direction === "grant" ? values.amount : -values.amount,
          note: values.note,
        }),
      )}
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Grant or deduct tokens
      </h3>
      {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Change</legend>
        <div className="flex flex-wrap gap-2">
          {DIRECTIONS.map(({ value, label, icon: Icon }) => (
            <label
              key={value}
              className="flex h-9 cursor-pointer items-center gap-2 rounded-md border bg-surface px-3 text-sm transition-colors hover:bg-muted/50 has-checked:border-primary has-checked:bg-primary-soft/40 has-focus-visible:ring-2 has-focus-visible:ring-ring"
            >
              <input
                type="radio"
                value={value}
                className="size-4 accent-primary outline-none"
                {...form.register("direction")}
              />
              <Icon aria-hidden="true" className="size-3.5 text-muted-foreground" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid items-start gap-4 sm:grid-cols-[9rem_minmax(0,1fr)]">
        <Field label="Amount" error={errors.amount?.message}>
          <Input type="number" inputMode="numeric" min={1} max={MAX_TOKENS} step={1} {...form.register("amount")} />
        </Field>
        <Field label="Reason" description="The member sees it in their token history." error={errors.note?.message}>
          <Input autoComplete="off" placeholder="e.g. Make-up for the cancelled class" {...form.register("note")} />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" loading={adjust.isPending}>
          {direction === "deduct" ? "Deduct tokens" : "Grant tokens"}
        </Button>
      </div>
    </form>
  );
}
