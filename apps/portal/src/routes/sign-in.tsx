import { zodResolver } from "@hookform/resolvers/zod";
import { signInInput } from "@marquee/api/validators";
import { Alert, Button, Field, Input, PageSpinner, PasswordInput, safeNext, withNext } from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useForm } from "react-hook-form";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { AuthLayout } from "../components/auth-layout";
import { invalidateViewerData, useMe } from "../lib/session";
import { trpc } from "../lib/trpc";

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const me = useMe();
  const form = useForm({ resolver: zodResolver(signInInput), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.auth.me.invalidate(), invalidateViewerData(utils)]);
      await navigate(next, { replace: true });
    },
    onError: (error) => applyServerErrors(form, error),
  });

  if (me.isPending) return <PageSpinner />;
  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title="Welcome back"
      description="Sign in to watch and take part in your organizations."
      footer={
        <>
          New to Marquee?{" "}
          <Link to={withNext("/sign-up", next)} className="font-medium text-primary hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
        {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" inputMode="email" autoFocus {...form.register("email")} />
        </Field>
        <Field label="Password" error={errors.password?.message}>
          <PasswordInput autoComplete="current-password" {...form.register("password")} />
        </Field>
        <Button type="submit" className="mt-1 w-full" loading={signIn.isPending}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
