import { expect, type Locator, type Page, test } from "@playwright/test";
import { newPerson, storageStatePath } from "./support/accounts";
import { trpcMutation } from "./support/api";
import { BASE_URL } from "./support/server";
import { FRESH_CONNECTION } from "./support/trpc-call";

/**
 * Platform → Analytics: every organization's figures side by side. A new organization has no
 * members yet while Demo Dojo's are seeded, so sorting by new members puts Demo Dojo first where
 * sorting by name (the new one starts with "Aa") puts it after.
 */
// As e2e/server.mjs sets it.
const CRON_SECRET = "e2e-cron-secret-for-local-tests-only";
const SIGNED_OUT = { cookies: [], origins: [] };
const DEMO = "Demo Dojo";
const { id } = newPerson("Platform");
const NEWCOMER = `Aardvark Academy ${id}`;
// Figure columns after the organization's name (a row header): views, minutes, new members, ...
const NEW_MEMBERS_COLUMN = 2;

async function names(table: Locator): Promise<string[]> {
  return table.locator("tbody tr").getByRole("rowheader").allInnerTexts();
}

async function newMembers(table: Locator): Promise<number[]> {
  const cells = await table.locator(`tbody tr td:nth-of-type(${NEW_MEMBERS_COLUMN + 1})`).allInnerTexts();
  return cells.map((cell) => Number(cell.replace(/[^\d]/g, "")));
}

const before = (list: string[], first: string, second: string) => list.indexOf(first) < list.indexOf(second);

function tenantsTable(page: Page) {
  return page.getByRole("table", { name: "Figures per organization" });
}

test.describe("a platform admin", () => {
  test.use({ storageState: storageStatePath("platformAdmin"), locale: "en-US" });

  test.beforeAll(async ({ playwright }) => {
    const platform = await playwright.request.newContext({
      baseURL: BASE_URL,
      storageState: storageStatePath("platformAdmin"),
    });
    await trpcMutation(platform, "admin/tenants.create", { name: NEWCOMER, slug: `aardvark-${id}` });
    await platform.dispose();
    // The rollup gives every organization its rows for today, the new one included.
    const cron = await playwright.request.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
    await expect(async () => {
      const response = await cron.post("/api/cron/analytics.rollup?force=true", {
        headers: { Authorization: `Bearer ${CRON_SECRET}`, ...FRESH_CONNECTION },
      });
      expect(await response.json()).toMatchObject({ ran: true, status: "succeeded" });
    }).toPass({ timeout: 30_000 });
    await cron.dispose();
  });

  test("compares organizations, sorts the table by a column and keeps the order on reload", async ({ page }) => {
    await page.goto("/admin/");
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Analytics" }).click();
    await expect(page).toHaveURL("/admin/platform/analytics");
    await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Last 30 days" })).toBeChecked();
    const organizations = page.getByRole("group", { name: "Organizations", exact: true }).locator("p").first();
    await expect.poll(async () => Number(await organizations.textContent())).toBeGreaterThanOrEqual(2);
    await expect(page.getByRole("group", { name: "New members", exact: true })).toBeVisible();
    // Money adds up within a currency: both organizations charge in US dollars.
    const mrr = page.getByRole("group", { name: "MRR in USD", exact: true });
    await expect(mrr).toContainText("$");
    await expect(mrr).toContainText("organizations charging in USD");

    const table = tenantsTable(page);
    // The platform admin runs no organization: names are not links to pages that would refuse them.
    await expect(table.getByRole("rowheader", { name: DEMO, exact: true })).toBeVisible();
    await expect(table.getByRole("link", { name: DEMO, exact: true })).toHaveCount(0);
    await expect(table.getByRole("rowheader", { name: NEWCOMER })).toBeVisible();
    const demoRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: DEMO, exact: true }) });
    await expect(demoRow.getByRole("cell").nth(5)).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
    // Busiest first by default.
    await expect(table.getByRole("columnheader", { name: /^Views/ })).toHaveAttribute("aria-sort", "descending");

    // By name, from the keyboard.
    const byName = table.getByRole("button", { name: /^Organization/ });
    await byName.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/admin/platform/analytics?sort=name&dir=asc");
    const nameHeader = table.getByRole("columnheader", { name: /^Organization/ });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(table.getByRole("columnheader", { name: /^Views/ })).not.toHaveAttribute("aria-sort");
    const ascending = await names(table);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    expect(before(ascending, NEWCOMER, DEMO)).toBe(true);
    await page.keyboard.press("Enter");
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL("/admin/platform/analytics?sort=name&dir=desc");

    await table.getByRole("button", { name: /^New members/ }).click();
    await expect(page).toHaveURL("/admin/platform/analytics?sort=newMembers&dir=desc");
    const membersHeader = table.getByRole("columnheader", { name: /^New members/ });
    await expect(membersHeader).toHaveAttribute("aria-sort", "descending");
    await expect(nameHeader).not.toHaveAttribute("aria-sort");
    await expect.poll(async () => before(await names(table), DEMO, NEWCOMER)).toBe(true);
    const counts = await newMembers(table);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    await page.reload();
    await expect(membersHeader).toHaveAttribute("aria-sort", "descending");
    await expect.poll(async () => before(await names(table), DEMO, NEWCOMER)).toBe(true);

    // Another period keeps the sort, and the sort keeps the period.
    await page.getByRole("radio", { name: "Last 7 days" }).click();
    await expect(page).toHaveURL("/admin/platform/analytics?sort=newMembers&dir=desc&range=7");
    await expect(membersHeader).toHaveAttribute("aria-sort", "descending");
    await table.getByRole("button", { name: /^New members/ }).click();
    await expect(page).toHaveURL("/admin/platform/analytics?sort=newMembers&dir=asc&range=7");
    await expect(membersHeader).toHaveAttribute("aria-sort", "ascending");
    await expect.poll(async () => before(await names(table), NEWCOMER, DEMO)).toBe(true);
  });
});

test.describe("a tenant admin", () => {
  test.use({ storageState: storageStatePath("tenantAdmin") });

  test("is refused Platform → Analytics and has no link to it", async ({ page }) => {
    await page.goto("/admin/platform/analytics");
    await expect(
      page.getByRole("heading", { name: "Only platform administrators see analytics across organizations" }),
    ).toBeVisible();
    await expect(tenantsTable(page)).toHaveCount(0);
    await expect(page.getByRole("radio", { name: "Last 30 days" })).toHaveCount(0);
    await expect(page.locator('a[href="/admin/platform/analytics"]')).toHaveCount(0);
  });
});
