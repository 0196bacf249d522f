import { expect, type Locator, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support/accounts";

test.use({ storageState: storageStatePath("tenantAdmin") });

const TENANT = "demo-dojo";

/** A suffix nobody else's run uses: tests may run again against the same server. */
function runId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function openFromSidebar(page: Page, area: string) {
  await page.goto(`/admin/t/${TENANT}`);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: area }).click();
}

async function chooseAction(page: Page, name: string, action: "Edit" | "Archive") {
  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
}

function benefit(dialog: Locator, number: number): Locator {
  return dialog.getByRole("textbox", { name: `Benefit ${number}`, exact: true });
}

/** The row of a table with a cell naming exactly this tier or pack. */
function rowOf(table: Locator, name: string): Locator {
  return table.getByRole("row").filter({ has: table.page().getByText(name, { exact: true }) });
}

test("Settings → Payments shows Demo Dojo on the Stripe emulator, tests it, and refuses a malformed key", async ({
  page,
}) => {
  await openFromSidebar(page, "Settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Payments" }).click();
  await expect(page).toHaveURL(/\/admin\/t\/demo-dojo\/settings\/payments$/);
  await expect(page.getByRole("link", { name: "Payments" })).toHaveAttribute("aria-current", "page");

  await expect(page.getByText(/^Your own Stripe account \(.+\)$/)).toBeVisible();
  await expect(page.getByText(/^••••[A-Za-z0-9_]{4}$/)).toBeVisible();
  await expect(page.getByText("Registered by Marquee")).toBeVisible();
  const secretKey = page.getByLabel("Secret key", { exact: true });
  await expect(secretKey).toHaveValue("");
  await expect(secretKey).toHaveAttribute("placeholder", /^••••/);

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText("Stripe connection works")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Connected: secret key verified" })).toBeVisible();

  // Adding the endpoint by hand shows where it must point, to copy into Stripe.
  await page.getByRole("radio", { name: "I'll add it in Stripe" }).check();
  const endpointUrl = page.getByRole("textbox", { name: "Endpoint URL" });
  await expect(endpointUrl).toHaveValue(/\/api\/webhooks\/stripe\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: "Copy endpoint URL" })).toBeVisible();
  await page.getByRole("radio", { name: "Register it for me" }).check();
  await expect(endpointUrl).toHaveCount(0);

  // Checked in the browser with the server's rule: nothing is sent, so the stored key stays.
  await secretKey.fill("pk_test_not-a-secret-key");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(secretKey).toHaveAccessibleDescription(/A Stripe secret key starts with sk_live_ or sk_test_/);
  await expect(secretKey).toBeFocused();
  await page.reload();
  await expect(page.getByText("Registered by Marquee")).toBeVisible();
  await expect(page.getByText(/^Your own Stripe account/)).toBeVisible();
});

test("an admin creates a tier with benefits and prices, edits its price and archives it", async ({ page }) => {
  const id = runId();
  const name = `Gold ${id}`;
  await openFromSidebar(page, "Tiers");
  await expect(page).toHaveURL(/\/admin\/t\/demo-dojo\/tiers$/);
  const onSale = page.getByRole("table", { name: "On sale" });
  await expect(rowOf(onSale, "Basic")).toBeVisible();

  await page.getByRole("button", { name: "New tier" }).click();
  let dialog = page.getByRole("dialog", { name: "New tier" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Description").fill("Everything, every week.");
  // A rank is suggested above every tier on sale; a random one keeps runs side by side apart.
  await expect(dialog.getByLabel("Rank")).toHaveValue(/^\d+$/);
  await dialog.getByLabel("Rank").fill(String(10 + Math.floor(Math.random() * 90)));
  await dialog.getByRole("button", { name: "Add benefit" }).click();
  await expect(benefit(dialog, 1)).toBeFocused();
  await benefit(dialog, 1).fill("Every class recording");
  await dialog.getByRole("button", { name: "Add benefit" }).click();
  await benefit(dialog, 2).fill("Monthly private lesson");
  await dialog.getByRole("button", { name: "Move benefit 2 up" }).click();
  await expect(benefit(dialog, 1)).toHaveValue("Monthly private lesson");
  await dialog.getByLabel("Monthly price").fill("19.00");
  await dialog.getByLabel("Yearly price").fill("190");
  await dialog.getByRole("button", { name: "Create tier" }).click();
  await expect(page.getByText(`${name} was created`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const row = rowOf(onSale, name);
  await expect(row).toContainText("$19.00");
  await expect(row).toContainText("$190.00");
  await expect(row).toContainText("2 benefits");
  await expect(row.getByText("On Stripe", { exact: true })).toBeVisible();

  await chooseAction(page, name, "Edit");
  dialog = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(benefit(dialog, 1)).toHaveValue("Monthly private lesson");
  await expect(benefit(dialog, 2)).toHaveValue("Every class recording");
  await expect(dialog.getByLabel("Monthly price")).toHaveValue("19.00");
  await dialog.getByLabel("Monthly price").fill("24.50");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`${name} was saved`)).toBeVisible();
  await expect(row).toContainText("$24.50");
  await expect(row.getByText("On Stripe", { exact: true })).toBeVisible();

  await chooseAction(page, name, "Archive");
  const confirm = page.getByRole("alertdialog", { name: `Archive “${name}”?` });
  await expect(confirm).toContainText(
    "Existing subscribers keep access until their current period ends; their subscriptions will not renew.",
  );
  await confirm.getByRole("button", { name: "Archive tier" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(`${name} was archived`)).toBeVisible();
  await expect(page.getByText("No subscription needed to change.")).toBeVisible();
  await expect(rowOf(onSale, name)).toHaveCount(0);
  await expect(rowOf(page.getByRole("table", { name: "Archived" }), name)).toContainText("$24.50");
});

test("a tier needs a price, and a rank another tier on sale has is refused", async ({ page }) => {
  const name = `Duplicate ${runId()}`;
  await page.goto(`/admin/t/${TENANT}/tiers`);
  await page.getByRole("button", { name: "New tier" }).click();
  const dialog = page.getByRole("dialog", { name: "New tier" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create tier" }).click();
  await expect(dialog.getByLabel("Monthly price")).toHaveAccessibleDescription(
    "Offer a monthly or a yearly price (or both)",
  );

  // Basic, seeded with rank 1, is on sale.
  await dialog.getByLabel("Rank").fill("1");
  await dialog.getByLabel("Monthly price").fill("5");
  await dialog.getByRole("button", { name: "Create tier" }).click();
  const rank = dialog.getByLabel("Rank");
  await expect(rank).toHaveAccessibleDescription(/Another tier already has rank 1/);
  await expect(rank).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("table", { name: "On sale" }).getByText(name)).toHaveCount(0);
});

test("an admin creates, edits and archives a token pack", async ({ page }) => {
  const name = `Pack ${runId()}`;
  await openFromSidebar(page, "Token packs");
  await expect(page).toHaveURL(/\/admin\/t\/demo-dojo\/token-packs$/);
  const onSale = page.getByRole("table", { name: "On sale" });
  await expect(rowOf(onSale, "Class pass")).toContainText("$50.00");

  await page.getByRole("button", { name: "New token pack" }).click();
  let dialog = page.getByRole("dialog", { name: "New token pack" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Tokens").fill("8");
  await dialog.getByLabel("Price").fill("30");
  await expect(dialog.getByLabel("Price")).toHaveAccessibleDescription(/\$3\.75 per token/);
  await dialog.getByRole("button", { name: "Create pack" }).click();
  await expect(page.getByText(`${name} was created`)).toBeVisible();
  const row = rowOf(onSale, name);
  await expect(row).toContainText("$30.00");
  await expect(row.getByText("On Stripe", { exact: true })).toBeVisible();

  await chooseAction(page, name, "Edit");
  dialog = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(dialog.getByLabel("Price")).toHaveValue("30.00");
  await dialog.getByLabel("Tokens").fill("10");
  await dialog.getByLabel("Price").fill("35.50");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`${name} was saved`)).toBeVisible();
  await expect(row.getByRole("cell", { name: "10", exact: true })).toBeVisible();
  await expect(row).toContainText("$35.50");

  await chooseAction(page, name, "Archive");
  const confirm = page.getByRole("alertdialog", { name: `Archive “${name}”?` });
  await confirm.getByRole("button", { name: "Archive pack" }).click();
  await expect(page.getByText(`${name} was archived`)).toBeVisible();
  await expect(rowOf(onSale, name)).toHaveCount(0);
  await expect(rowOf(page.getByRole("table", { name: "Archived" }), name)).toContainText("$35.50");
});

test("an admin grants Mia tokens with a reason, and cannot deduct more than she has", async ({ page }) => {
  const reason = `Make-up for the cancelled class ${runId()}`;
  await openFromSidebar(page, "Members");
  await page.getByRole("searchbox", { name: "Search members" }).fill("mia@demo-dojo.local");
  const row = page.getByRole("row").filter({ hasText: "Mia Member" });
  await row.getByRole("button", { name: "Tokens for Mia Member" }).click();

  const dialog = page.getByRole("dialog", { name: "Tokens · Mia Member" });
  const balance = dialog.getByText(/^\d+ tokens?$/);
  // Other runs (or a purchase) may have left tokens: count from what she has now.
  const before = Number.parseInt((await balance.textContent()) ?? "", 10);
  const after = before + 10;

  await dialog.getByLabel("Amount").fill("10");
  await dialog.getByRole("button", { name: "Grant tokens" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/Say why/);
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Grant tokens" }).click();
  await expect(page.getByText("Granted 10 tokens to Mia Member")).toBeVisible();
  await expect(balance).toHaveText(`${after} tokens`);
  const latest = dialog.getByRole("list", { name: "History" }).getByRole("listitem").first();
  await expect(latest).toContainText("Granted");
  await expect(latest).toContainText(reason);
  await expect(latest).toContainText("+10");
  await expect(latest).toContainText("by Ada Admin");

  await dialog.getByRole("radio", { name: "Deduct" }).check();
  const amount = dialog.getByLabel("Amount");
  await amount.fill(String(after + 1000));
  await dialog.getByLabel("Reason").fill("Correction");
  await dialog.getByRole("button", { name: "Deduct tokens" }).click();
  await expect(amount).toHaveAccessibleDescription(
    `This member has ${after} tokens: you cannot deduct ${after + 1000}.`,
  );
  await expect(amount).toBeFocused();
  await expect(balance).toHaveText(`${after} tokens`);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell", { name: String(after), exact: true })).toBeVisible();
});
