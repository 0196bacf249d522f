import { toUserError, type UserError } from "@marquee/ui/trpc";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

/**
 * Like `applyServerErrors`, for forms whose fields are not named as the API's input:
 * prices typed as "19.00" travel as `priceCents`, an amount and a direction as `delta`.
 * `rename` maps the API's field names to the form's; other matching names are kept.
 */
export function applyServerErrorsAs<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, "setError" | "getValues">,
  error: unknown,
  rename: Record<string, Path<T>>,
): UserError {
  const userError = toUserError(error);
  const values = form.getValues();
  let placed = 0;
  for (const [field, message] of Object.entries(userError.fieldErrors)) {
    // A key of the form's values is one of its paths.
    const name = rename[field] ?? (field in values ? (field as Path<T>) : null);
    if (!name) continue;
    form.setError(name, { type: "server", message }, { shouldFocus: placed === 0 });
    placed++;
  }
  const rootMessage = userError.formErrors[0] ?? (placed === 0 ? userError.message : null);
  if (rootMessage) form.setError("root.server", { type: "server", message: rootMessage });
  return userError;
}
