import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, newPerson } from "./support/accounts";

test("sign-up shows field errors from the browser and from the server", async ({ page }) => {
  const person = newPerson("Dana");
  await page.goto("/sign-up");
  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });

  await page.getByLabel("Name", { exact: true }).fill(person.name);
  await email.fill("not-an-email");
  await password.fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Enter a valid email address");
  await expect(password).toHaveAccessibleDescription(/Use at least 8 characters/);

  // Valid input, but the address is taken: the server's message appears under the email field.
  await email.fill(DEMO_ACCOUNTS.member.email);
  await password.fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(email).toHaveAccessibleDescription("An account with this email already exists. Sign in instead.");
  await expect(password).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("sign-in with a wrong password explains what went wrong", async ({ page }) => {
  const person = newPerson("Nobody");
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The email or password is incorrect.");
});
