import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStatePath } from "./support/accounts";

test.describe("a plain member", () => {
  test.use({ storageState: storageStatePath("member") });

  for (const path of ["/admin/platform/tenants", "/admin/t/demo-dojo/members", "/admin/"]) {
    test(`is sent from ${path} to sign-in with a no-access message`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/admin\/sign-in\?reason=forbidden$/);
      await expect(page.getByRole("alert")).toContainText("You don't have access to the console");
      await expect(page.getByRole("navigation", { name: "Console" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
  }
});

test("a member who signs in to the console is refused and not left signed in", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(DEMO_ACCOUNTS.member.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in\?reason=forbidden$/);
  await expect(page.getByRole("alert")).toContainText("You don't have access to the console");

  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
});

test("a visitor is sent to sign-in and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/admin/t/demo-dojo/members");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Ft%2Fdemo-dojo%2Fmembers$/);
  await page.getByLabel("Email", { exact: true }).fill(DEMO_ACCOUNTS.tenantAdmin.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/t\/demo-dojo\/members$/);
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
});
