import { test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoRole, storageStatePath } from "./support/accounts";
import { trpcMutation } from "./support/api";

// Sign in over HTTP once per role; the tests start from the saved cookies instead of the form.
for (const role of Object.keys(DEMO_ACCOUNTS) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ request }) => {
    const { email } = DEMO_ACCOUNTS[role];
    await trpcMutation(request, "admin/auth.signIn", { email, password: DEMO_PASSWORD });
    await request.storageState({ path: storageStatePath(role) });
  });
}
