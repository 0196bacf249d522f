import { expect, test } from "@playwright/test";
import { newPerson } from "./support/accounts";

test("a visitor signs up from an organization's page, joins it and lands on its member home", async ({ page }) => {
  const person = newPerson("Vera");

  await page.goto("/demo-dojo");
  await expect(page.getByRole("heading", { level: 1, name: "Demo Dojo" })).toBeVisible();
  await page.getByRole("link", { name: "Sign up to join" }).click();

  await expect(page).toHaveURL(/\/sign-up\?next=%2Fdemo-dojo$/);
  await page.getByLabel("Name", { exact: true }).fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();

  // Back on the organization's page, signed in but not yet a member.
  await expect(page).toHaveURL(/\/demo-dojo$/);
  await expect(page.getByRole("button", { name: person.name })).toBeVisible();
  await page.getByRole("button", { name: "Join Demo Dojo" }).click();

  const welcome = page.getByRole("heading", { name: `Welcome, ${person.firstName}` });
  await expect(welcome).toBeVisible();
  await expect(page.getByText("You are part of Demo Dojo.")).toBeVisible();

  await page.reload();
  await expect(welcome).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your organizations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Demo Dojo" })).toBeVisible();
});

test("an unknown organization address shows a not-found page", async ({ page }) => {
  await page.goto("/no-such-organization");
  await expect(page.getByRole("heading", { name: "Organization not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
});
