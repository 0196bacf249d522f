import { zodResolver } from "@hookform/resolvers/zod";
import { signUpInput } from "@marquee/api/validators";
import { Alert, Button, Field, Input, PageSpinner, PasswordInput, safeNext, withNext } from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useForm } from "react-hook-form";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "../components/auth-layout";
import { invalidateViewerData, useMe } from "../lib/session";
import { trpc } from "../lib/trpc";

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const me = useMe();
  const form = useForm({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors } = form.formState;

  const signUp = trpc.auth.signUp.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.auth.me.invalidate(), invalidateViewerData(utils)]);
      await navigate(next, { replace: true });
    },
    onError: (error) => applyServerErrors(form, error),
  });

  if (me.isPending) return <PageSpinner />;
  if (me.data && !signUp.isPending && !signUp.isSuccess) return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title="Create your account"
      description="One account for every organization you join on Marquee."
      footer={
        <>
          Already have an account?{" "}
          <Link to={withNext("/sign-in", next)} className="font-medium text-primary hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((values) => signUp.mutate(values))}>
        {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="name" autoFocus {...form.register("name")} />
        </Field>
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" inputMode="email" {...form.register("email")} />
        </Field>
        <Field label="Password" description="At least 8 characters." error={errors.password?.message}>
          <PasswordInput autoComplete="new-password" {...form.register("password")} />
        </Field>
        <Button type="submit" className="mt-1 w-full" loading={signUp.isPending}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
