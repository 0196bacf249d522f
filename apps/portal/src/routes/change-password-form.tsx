import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordInput } from "@marquee/api/validators";
import { Alert, Button, Field, PasswordInput, toast } from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { trpc } from "../lib/trpc";

// The server checks the two passwords it needs; retyping the new one only guards against typos.
const changePasswordForm = changePasswordInput
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.confirmPassword === values.newPassword, {
    message: "The passwords do not match",
    path: ["confirmPassword"],
  });

const emptyForm = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const form = useForm({ resolver: zodResolver(changePasswordForm), defaultValues: emptyForm });
  const { errors } = form.formState;
  const changePassword = trpc.auth.changePassword.useMutation({
    onSuccess: () => {
      form.reset(emptyForm);
      toast.success("Password changed. Other devices have been signed out.");
    },
    onError: (error) => applyServerErrors(form, error),
  });

  return (
    <form
      noValidate
      className="grid max-w-md gap-4"
      onSubmit={form.handleSubmit(({ currentPassword, newPassword }) =>
        changePassword.mutate({ currentPassword, newPassword }),
      )}
    >
      {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
      <Field label="Current password" error={errors.currentPassword?.message}>
        <PasswordInput autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label="New password" description="At least 8 characters." error={errors.newPassword?.message}>
        <PasswordInput autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Field label="Confirm new password" error={errors.confirmPassword?.message}>
        <PasswordInput autoComplete="new-password" {...form.register("confirmPassword")} />
      </Field>
      <div>
        <Button type="submit" loading={changePassword.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
