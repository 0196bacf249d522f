import { zodResolver } from "@hookform/resolvers/zod";
import { signInInput } from "@marquee/api/validators";
import {
  Alert,
  Button,
  Card,
  CardContent,
  Field,
  Input,
  Logo,
  PageSpinner,
  PasswordInput,
  safeNext,
} from "@marquee/ui";
import { applyServerErrors } from "@marquee/ui/trpc";
import { useForm } from "react-hook-form";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { canEnterConsole } from "../lib/access";
import { trpc } from "../lib/trpc";
import { NoAccessAlert } from "./no-access-alert";

export function SignInPage() {
  const [params, setParams] = useSearchParams();
  const next = safeNext(params.get("next"));
  const forbidden = params.get("reason") === "forbidden";
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const me = trpc.me.useQuery(undefined, { staleTime: 60_000 });
  const form = useForm({ resolver: zodResolver(signInInput), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const signOut = trpc.auth.signOut.useMutation();
  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: async () => {
      // staleTime 0: the cached answer is from before the sign-in.
      const fresh = await utils.me.fetch(undefined, { staleTime: 0 });
      if (fresh && canEnterConsole(fresh)) {
        await navigate(next, { replace: true });
        return;
      }
      // A valid account without a staff role: do not leave a console sign-in behind.
      await signOut.mutateAsync();
      utils.me.setData(undefined, null);
      form.reset({ email: form.getValues("email"), password: "" });
      setParams({ reason: "forbidden" }, { replace: true });
    },
    onError: (error) => applyServerErrors(form, error),
  });

  if (me.isPending) return <PageSpinner label="Loading the console" />;
  const busy = signIn.isPending || signOut.isPending;
  if (me.data && canEnterConsole(me.data) && !busy && !signIn.isSuccess) return <Navigate to={next} replace />;

  return (
    <div className="relative isolate flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <title>Sign in · Marquee Console</title>
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 h-80 bg-linear-to-b from-primary-soft/70 to-transparent"
      />
      <main className="grid w-full max-w-sm gap-6">
        <div className="grid justify-items-center gap-3 text-center">
          <Logo product="Console" className="text-lg" />
          <div className="grid gap-1">
            <h1 className="text-2xl font-semibold tracking-tight">Sign in to the console</h1>
            <p className="text-sm text-muted-foreground">For organization owners, admins and instructors.</p>
          </div>
        </div>
        {forbidden ? <NoAccessAlert email={me.data?.user.email ?? null} /> : null}
        <Card className="shadow-sm">
          <CardContent>
            <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
              {errors.root?.server ? <Alert tone="destructive">{errors.root.server.message}</Alert> : null}
              <Field label="Email" error={errors.email?.message}>
                <Input type="email" autoComplete="email" inputMode="email" autoFocus {...form.register("email")} />
              </Field>
              <Field label="Password" error={errors.password?.message}>
                <PasswordInput autoComplete="current-password" {...form.register("password")} />
              </Field>
              <Button type="submit" className="mt-1 w-full" loading={busy}>
                Sign in
              </Button>
            </form>
          </CardContent>
        </Card>
        <p className="text-center text-sm text-muted-foreground">
          Looking for your organizations?{" "}
          <a href="/" className="font-medium text-primary hover:underline">
            Go to Marquee
          </a>
        </p>
      </main>
    </div>
  );
}
