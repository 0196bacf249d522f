import { expect, test } from "@playwright/test";
import { newPerson, storageStatePath } from "./support/accounts";
import { trpcMutation } from "./support/api";
import { BASE_URL } from "./support/server";

test.use({ storageState: storageStatePath("tenantAdmin") });

test("a tenant admin promotes a member to instructor and the role sticks", async ({ page, playwright }) => {
  // A member of our own, made through the portal's sign-up and join, so no other test is affected.
  const person = newPerson("Mo");
  // An explicit empty state: request contexts made inside a test otherwise start from the admin's cookies.
  const visitor = await playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  await trpcMutation(visitor, "portal/auth.signUp", {
    name: person.name,
    email: person.email,
    password: person.password,
  });
  await trpcMutation(visitor, "portal/tenant.join", { slug: "demo-dojo" });
  await visitor.dispose();

  await page.goto("/admin/t/demo-dojo/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search members" }).fill(person.email);
  const role = page.getByRole("combobox", { name: `Role for ${person.name}` });
  await expect(role).toHaveText("Member");

  await role.click();
  await page.getByRole("option", { name: "Instructor" }).click();
  await expect(page.getByText(`${person.name} is now an instructor`)).toBeVisible();
  await expect(role).toHaveText("Instructor");

  await page.reload();
  await expect(page.getByRole("combobox", { name: `Role for ${person.name}` })).toHaveText("Instructor");
});
