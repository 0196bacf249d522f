import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/accounts";

test.use({ storageState: storageStatePath("platformAdmin") });

test("the platform admin creates a tenant and sees it in the table", async ({ page }) => {
  const id = Date.now().toString(36);
  const name = `Studio ${id}`;
  await page.goto("/admin/platform/tenants");
  await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();

  await page.getByRole("button", { name: "New tenant" }).click();
  const dialog = page.getByRole("dialog", { name: "New tenant" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  const slug = dialog.getByLabel("Slug", { exact: true });
  await expect(slug).toHaveValue(`studio-${id}`);

  // A taken slug comes back from the server as an error under the slug field.
  await slug.fill("demo-dojo");
  await dialog.getByRole("button", { name: "Create tenant" }).click();
  await expect(slug).toHaveAccessibleDescription(/This address is already taken\./);

  await slug.fill(`studio-${id}`);
  await dialog.getByRole("button", { name: "Create tenant" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`studio-${id}`);
  await expect(row).toContainText("Active");

  await page.getByRole("searchbox", { name: "Search tenants" }).fill(id);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(row).toBeVisible();
});
