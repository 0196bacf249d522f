import { Alert } from "@marquee/ui";

/** Why a signed-in user landed back on sign-in: their account has no console role. */
export function NoAccessAlert({ email }: { email: string | null }) {
  return (
    <Alert tone="warning" title="You don't have access to the console">
      {email ? (
        <>
          The account <span className="font-medium">{email}</span> is not an owner, admin or instructor of any
          organization.{" "}
        </>
      ) : (
        "That account is not an owner, admin or instructor of any organization. "
      )}
      Sign in with a staff account, or{" "}
      <a href="/" className="font-medium underline underline-offset-2">
        go to the member portal
      </a>
      .
    </Alert>
  );
}
