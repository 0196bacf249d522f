import { randomBytes } from "node:crypto";
import { type APIRequest, expect, type Page, test } from "@playwright/test";
import { newPerson, storageStatePath } from "./support/accounts";
import { trpcMutation } from "./support/api";
import { BASE_URL } from "./support/server";

type EmulatorAccount = { accountId: string; apiToken: string; customerCode: string };

const NOT_CONNECTED = "Not connected — uploads are unavailable until you connect an account";
const TESTED = "Connected: token verified and videos readable";

/**
 * Demo Dojo is connected at start, so this test brings its own: a freshly signed-up owner, a tenant
 * the platform admin creates for them, and an account on the emulator embedded in the e2e server.
 */
async function setUpTenant(requests: APIRequest) {
  const owner = newPerson("Olu");
  const slug = `cf-${owner.id}`;
  const visitor = await requests.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] } });
  await trpcMutation(visitor, "portal/auth.signUp", { name: owner.name, email: owner.email, password: owner.password });
  const created = await visitor.post("/emulators/cloudflare/__emulator/accounts", { data: {} });
  expect(created.status()).toBe(201);
  const account = (await created.json()) as EmulatorAccount;
  await visitor.dispose();

  const platform = await requests.newContext({ baseURL: BASE_URL, storageState: storageStatePath("platformAdmin") });
  await trpcMutation(platform, "admin/tenants.create", { name: `Cloud ${owner.id}`, slug, ownerEmail: owner.email });
  await platform.dispose();
  return { owner, slug, account };
}

async function saveCredentials(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const confirm = page.getByRole("alertdialog", { name: "Connect this Cloudflare account?" });
  await expect(confirm).toContainText("any webhook this account already has will be replaced");
  await confirm.getByRole("button", { name: "Replace webhook and save" }).click();
  await expect(confirm).toBeHidden();
}

test("a tenant admin connects Cloudflare, tests it, and a wrong token clears the credentials", async ({
  page,
  playwright,
}) => {
  const { owner, slug, account } = await setUpTenant(playwright.request);
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/t/${slug}/settings/cloudflare$`));
  await expect(page.getByRole("link", { name: "Cloudflare" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(NOT_CONNECTED)).toBeVisible();

  const token = page.getByLabel("API token", { exact: true });
  await page.getByLabel("Account ID").fill(account.accountId);
  await token.fill(account.apiToken);
  await page.getByLabel("Customer code").fill(account.customerCode);
  await saveCredentials(page);

  const masked = `••••${account.apiToken.slice(-4)}`;
  const shortId = `${account.accountId.slice(0, 4)}…${account.accountId.slice(-4)}`;
  await expect(page.getByText(`Your own Cloudflare account (account ${shortId})`)).toBeVisible();
  await expect(page.getByText(masked, { exact: true })).toBeVisible();
  await expect(token).toHaveValue("");
  await expect(token).toHaveAttribute("placeholder", masked);
  await expect(page.getByText(account.apiToken)).toHaveCount(0);

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText("Cloudflare connection works")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: TESTED })).toBeVisible();

  // Cloudflare rejects the token: the message sits under the field and the server forgot the credentials.
  await token.fill(randomBytes(20).toString("hex"));
  await saveCredentials(page);
  await expect(token).toHaveAccessibleDescription(/Cloudflare rejected the API token/);
  await expect(token).toBeFocused();
  await expect(page.getByText(NOT_CONNECTED)).toBeVisible();
  await expect(page.getByText(`No API token is stored for account ${shortId}`)).toBeVisible();
  await expect(page.getByText(masked)).toHaveCount(0);
  await expect(page.getByText(TESTED)).toHaveCount(0);
});
