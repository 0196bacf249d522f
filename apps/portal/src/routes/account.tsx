import {
  Avatar,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  PageHeader,
  PageSpinner,
  withNext,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { LogOut, ShieldCheck } from "lucide-react";
import { Navigate } from "react-router";
import { useMe } from "../lib/session";
import { useSignOut } from "../lib/use-sign-out";
import { ChangePasswordForm } from "./change-password-form";

export function AccountPage() {
  const me = useMe();
  const signOut = useSignOut();

  if (me.isPending) return <PageSpinner />;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-lg px-4 py-20">
        <ErrorState message={errorMessage(me.error)} onRetry={() => me.refetch()} retrying={me.isFetching} />
      </div>
    );
  }
  if (!me.data) return <Navigate to={withNext("/sign-in", "/account")} replace />;
  const { user, memberships } = me.data;

  return (
    <div className="mx-auto grid max-w-3xl gap-8 px-4 py-10 sm:px-6">
      <title>Account · Marquee</title>
      <PageHeader title="Account" description="Your profile, password and session." />
      <Card>
        <CardContent className="flex flex-col gap-4 sm:flex-row sm:items-center">
          <Avatar name={user.name} className="size-14 text-lg" />
          <div className="grid min-w-0 flex-1 gap-0.5">
            <p className="flex flex-wrap items-center gap-2 text-lg font-semibold">
              {user.name}
              {user.isPlatformAdmin ? (
                <Badge tone="primary">
                  <ShieldCheck aria-hidden="true" />
                  Platform admin
                </Badge>
              ) : null}
            </p>
            <p className="truncate text-sm text-muted-foreground">{user.email}</p>
            <p className="text-sm text-muted-foreground">
              {memberships.length === 1 ? "Member of 1 organization" : `Member of ${memberships.length} organizations`}
            </p>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>Changing your password signs you out on every other device.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sign out</CardTitle>
          <CardDescription>End your session in this browser.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button variant="outline" loading={signOut.isPending} onClick={() => signOut.mutate()}>
            <LogOut aria-hidden="true" />
            Sign out
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
