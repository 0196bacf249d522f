import { Button, Input } from "@marquee/ui";
import { ArrowDown, ArrowUp, CircleAlert, Plus, X } from "lucide-react";
import { useId, useRef } from "react";
import { type UseFormReturn, useFieldArray } from "react-hook-form";
import { MAX_BENEFITS, type TierFormInput, type TierFormValues } from "./tier-form-schema";

type BenefitsFieldsetProps = { form: UseFormReturn<TierFormInput, unknown, TierFormValues> };

/** The tier's selling points, one per row, in the order the pricing page lists them. */
export function BenefitsFieldset({ form }: BenefitsFieldsetProps) {
  const id = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "benefits" });
  const errors = form.formState.errors.benefits;
  const listError = errors?.message ?? errors?.root?.message;

  // Focus follows the row it acted on; a button that became disabled would drop it to the page.
  function focusRow(index: number) {
    requestAnimationFrame(() => {
      if (index < 0) addRef.current?.focus();
      else form.setFocus(`benefits.${index}.text`);
    });
  }

  return (
    <fieldset className="grid gap-2" aria-describedby={`${id}-description`}>
      <legend className="mb-1.5 text-sm font-medium">Benefits</legend>
      <p id={`${id}-description`} className="-mt-1 text-xs text-muted-foreground">
        Optional. Listed on your pricing page in this order, up to {MAX_BENEFITS}.
      </p>
      {fields.length > 0 ? (
        <ol className="grid gap-2">
          {fields.map((field, index) => {
            const number = index + 1;
            const error = errors?.[index]?.text?.message;
            return (
              <li key={field.id} className="grid gap-1">
                <div className="flex items-center gap-1">
                  <Input
                    autoComplete="off"
                    aria-label={`Benefit ${number}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-${index}-error` : undefined}
                    placeholder="e.g. Every class recording"
                    {...form.register(`benefits.${index}.text`)}
                  />
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`Move benefit ${number} up`}
                    disabled={index === 0}
                    onClick={() => {
                      move(index, index - 1);
                      if (index - 1 === 0) focusRow(0);
                    }}
                  >
                    <ArrowUp aria-hidden="true" />
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`Move benefit ${number} down`}
                    disabled={index === fields.length - 1}
                    onClick={() => {
                      move(index, index + 1);
                      if (index + 1 === fields.length - 1) focusRow(index + 1);
                    }}
                  >
                    <ArrowDown aria-hidden="true" />
                  </Button>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`Remove benefit ${number}`}
                    onClick={() => {
                      remove(index);
                      focusRow(fields.length === 1 ? -1 : Math.min(index, fields.length - 2));
                    }}
                    className="text-muted-foreground hover:text-destructive-soft-foreground"
                  >
                    <X aria-hidden="true" />
                  </Button>
                </div>
                {error ? (
                  <p
                    id={`${id}-${index}-error`}
                    className="flex items-start gap-1.5 text-xs font-medium text-destructive-soft-foreground"
                  >
                    <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      {listError ? (
        <p role="alert" className="flex items-start gap-1.5 text-xs font-medium text-destructive-soft-foreground">
          <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          {listError}
        </p>
      ) : null}
      <div>
        <Button
          ref={addRef}
          variant="outline"
          size="sm"
          disabled={fields.length >= MAX_BENEFITS}
          onClick={() => append({ text: "" })}
        >
          <Plus aria-hidden="true" />
          Add benefit
        </Button>
      </div>
    </fieldset>
  );
}
