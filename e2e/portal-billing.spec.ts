import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, newPerson } from "./support/accounts";
import { trpcMutation } from "./support/api";
import { BASE_URL } from "./support/server";
import { createReadyVideo, findTierId, oneCueVtt } from "./support/videos";

/**
 * The member side of billing, against the Stripe emulator the server mounts at
 * /emulators/stripe: its hosted Checkout and Billing Portal pages, and its clock.
 */
const STRIPE = "/emulators/stripe";
const { id } = newPerson("Premium");
const title = `Advanced throws, masterclass ${id}`;
let videoId = "";

test.beforeAll(async ({ playwright }) => {
  // Signed in here rather than from the saved state, which runs on other ports may overwrite meanwhile.
  const admin = await playwright.request.newContext({ baseURL: BASE_URL });
  const { email } = DEMO_ACCOUNTS.tenantAdmin;
  await trpcMutation(admin, "admin/auth.signIn", { email, password: DEMO_PASSWORD });
  videoId = await createReadyVideo(admin, "demo-dojo", {
    title,
    description: "For Premium members: the advanced series.",
    tags: ["advanced"],
    accessLevel: "tier",
    requiredTierId: await findTierId(admin, "demo-dojo", "Premium"),
    captions: [{ language: "en", label: "English", vtt: oneCueVtt("Break their balance first.") }],
  });
  await admin.dispose();
});

/** A new person who has signed up and joined Demo Dojo, signed in in this page's browser context. */
async function joinAsNewMember(page: Page, label: string) {
  const person = newPerson(label);
  await trpcMutation(page.request, "portal/auth.signUp", {
    name: person.name,
    email: person.email,
    password: person.password,
  });
  await trpcMutation(page.request, "portal/tenant.join", { slug: "demo-dojo" });
  return person;
}

/** Fills the emulator's hosted Checkout page and submits it. */
async function payOnCheckout(page: Page, card: string, submit: string | RegExp) {
  await expect(page).toHaveURL(/\/emulators\/stripe\/c\/pay\/cs_/);
  await expect(page.getByLabel("Email")).not.toHaveValue("");
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: submit }).click();
}

function tierCard(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

test("a member subscribes to Premium, watches a Premium video, cancels, and loses access when the period ends", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await joinAsNewMember(page, "Paula");
  const upgrade = page.getByRole("heading", { name: "Upgrade to Premium to watch" });

  await page.goto(`/demo-dojo/videos/${videoId}`);
  await expect(upgrade).toBeVisible();
  await page.getByRole("link", { name: "See plans" }).click();
  await expect(page).toHaveURL("/demo-dojo/pricing");
  await expect(page.getByRole("heading", { level: 1, name: "Pricing" })).toBeVisible();

  await expect(page.getByRole("radio", { name: "Monthly" })).toBeChecked();
  await page.getByRole("radio", { name: /Yearly/ }).check();
  await expect(tierCard(page, "Premium")).toContainText("per year");
  await page.getByRole("radio", { name: "Monthly" }).check();
  await expect(tierCard(page, "Premium")).toContainText("per month");
  await tierCard(page, "Premium").getByRole("button", { name: "Subscribe to Premium" }).click();

  await payOnCheckout(page, "4242 4242 4242 4242", "Subscribe");
  await expect(page).toHaveURL(/\/demo-dojo\/billing\/return\?session_id=cs_/);
  await expect(page.getByRole("heading", { name: "You're on Premium" })).toBeVisible({ timeout: 20_000 });

  await page.getByRole("link", { name: "Browse videos" }).click();
  await expect(page).toHaveURL("/demo-dojo/videos");
  await page.goto(`/demo-dojo/videos/${videoId}`);
  await expect(page.getByLabel(title, { exact: true })).toBeVisible();
  await expect(upgrade).toBeHidden();

  await page.goto("/demo-dojo/pricing");
  await expect(tierCard(page, "Premium")).toContainText("Your plan");
  await tierCard(page, "Premium").getByRole("link", { name: "Manage your plan" }).click();
  await expect(page).toHaveURL("/demo-dojo/account/billing");
  await expect(page.getByText("Renews on", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page).toHaveURL(/\/emulators\/stripe\/p\/session\//);
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await expect(page.getByRole("status")).toContainText("Your plan will be canceled on");
  await page.getByRole("link", { name: /Return to/ }).click();

  await expect(page).toHaveURL("/demo-dojo/account/billing");
  // The cancellation reaches Marquee by webhook; the page keeps asking for a moment after the portal.
  await expect(page.getByText("Cancels on", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Resume subscription" })).toBeVisible();

  const advanced = await page.request.post(`${STRIPE}/_control/clock/advance`, {
    data: { seconds: 32 * 86_400 },
    headers: { Origin: BASE_URL },
  });
  expect(advanced.ok(), `clock/advance answered ${advanced.status()}`).toBe(true);

  await expect(async () => {
    await page.goto(`/demo-dojo/videos/${videoId}`);
    await expect(upgrade).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator("video")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "See plans" })).toHaveAttribute("href", "/demo-dojo/pricing");
});

test("a declined card leaves the member on the free plan", async ({ page }) => {
  await joinAsNewMember(page, "Dana");
  await page.goto("/demo-dojo");
  await page.getByRole("navigation", { name: "Demo Dojo" }).getByRole("link", { name: "Pricing" }).click();
  await tierCard(page, "Premium").getByRole("button", { name: "Subscribe to Premium" }).click();

  await payOnCheckout(page, "4000 0000 0000 0002", "Subscribe");
  await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
  await page.getByRole("link", { name: "← Back" }).click();

  await expect(page).toHaveURL("/demo-dojo/pricing?checkout=cancelled");
  await expect(page.getByText("Checkout cancelled — you're still on the free plan")).toBeVisible();
  await expect(tierCard(page, "Premium")).not.toContainText("Your plan");

  // Account → Billing through the account menu, as a keyboard user would reach it.
  await page.getByRole("button", { name: /Dana Tester/ }).click();
  await page.getByRole("menuitem", { name: "Billing" }).click();
  await expect(page).toHaveURL("/demo-dojo/account/billing");
  await expect(page.getByRole("heading", { name: "You're on the free plan" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See plans" })).toHaveAttribute("href", "/demo-dojo/pricing");
});

test("a member buys the Class pass and sees the tokens in the balance and the history", async ({ page }) => {
  await joinAsNewMember(page, "Tomas");
  await page.goto("/demo-dojo/account/tokens");
  const balance = page.getByRole("region", { name: "Your balance" });
  await expect(balance).toContainText("0 tokens");
  await expect(page.getByRole("heading", { name: "No token activity yet" })).toBeVisible();

  await page.getByRole("button", { name: "Buy Class pass" }).click();
  await payOnCheckout(page, "4242 4242 4242 4242", /^Pay /);

  await expect(page).toHaveURL(/\/demo-dojo\/account\/tokens\?session_id=cs_/);
  await expect(page.getByRole("status").filter({ hasText: "12 tokens added" })).toBeVisible({ timeout: 20_000 });
  await expect(balance).toContainText("12 tokens");
  const entry = page.getByRole("row").filter({ hasText: "Bought tokens" });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole("cell")).toHaveText([/./, "+12", "Bought tokens", /./, "12"]);
});
