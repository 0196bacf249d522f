import { readFile } from "node:fs/promises";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, newPerson } from "./support/accounts";
import { trpcMutation } from "./support/api";
import { adjustTokens, cancelClass, enrollInClass, joinAsNewMember, scheduleClass } from "./support/live";
import { BASE_URL } from "./support/server";

/** The member side of live classes: enrolling with tokens, the calendar file, and the watch page's states. */
const TENANT = "demo-dojo";
const HOUR_MS = 3_600_000;
let admin: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  // Signed in here rather than from the saved state, which runs on other ports may overwrite meanwhile.
  admin = await playwright.request.newContext({ baseURL: BASE_URL });
  const { email } = DEMO_ACCOUNTS.tenantAdmin;
  await trpcMutation(admin, "admin/auth.signIn", { email, password: DEMO_PASSWORD });
});

test.afterAll(async () => {
  await admin.dispose();
});

/** A class title no other test uses (no commas: calendar files escape them). */
function uniqueTitle(name: string) {
  return `${name} ${newPerson("Class").id}`;
}

/** A new member of Demo Dojo holding `tokens`, signed in on the page. */
async function memberWithTokens(page: Page, label: string, tokens: number) {
  const person = await joinAsNewMember(page.request, TENANT, label);
  if (tokens > 0) await adjustTokens(admin, TENANT, person.email, tokens);
  return person;
}

function classCard(page: Page, title: string) {
  return page.getByRole("article", { name: title });
}

async function openLivePage(page: Page) {
  await page.goto(`/${TENANT}`);
  await page.getByRole("navigation", { name: "Demo Dojo" }).getByRole("link", { name: "Live" }).click();
  await expect(page).toHaveURL(`/${TENANT}/live`);
  await expect(page.getByRole("heading", { level: 1, name: "Live classes" })).toBeVisible();
}

test("a member short of tokens is sent to buy them instead of a doomed Enroll", async ({ page }) => {
  const pricey = uniqueTitle("Competition prep");
  const cheap = uniqueTitle("Breakfalls basics");
  const inTwoHours = new Date(Date.now() + 2 * HOUR_MS);
  await scheduleClass(admin, TENANT, { title: pricey, startsAt: inTwoHours, priceTokens: 10 });
  await scheduleClass(admin, TENANT, { title: cheap, startsAt: inTwoHours, priceTokens: 2 });
  const person = await memberWithTokens(page, "Shortie", 3);

  await openLivePage(page);
  const card = classCard(page, pricey);
  await expect(card).toContainText("10 tokens");
  await expect(card).toContainText("Your balance: 3 tokens");
  await expect(card.getByText("You need 7 more tokens.")).toBeVisible();
  await expect(card.getByRole("link", { name: "Buy tokens" })).toHaveAttribute("href", `/${TENANT}/account/tokens`);
  await expect(card.getByRole("button", { name: /^Enroll/ })).toHaveCount(0);

  // The balance drops behind the page's back: the server's refusal is shown the same way.
  const other = classCard(page, cheap);
  await expect(other.getByRole("button", { name: "Enroll · 2 tokens" })).toBeVisible();
  await adjustTokens(admin, TENANT, person.email, -2);
  await other.getByRole("button", { name: "Enroll · 2 tokens" }).click();
  await expect(other.getByText("You need 1 more token.")).toBeVisible();
  await expect(other.getByRole("link", { name: "Buy tokens" })).toBeFocused();
  await other.getByRole("link", { name: "Buy tokens" }).click();
  await expect(page).toHaveURL(`/${TENANT}/account/tokens`);
});

test("a member enrolls, pays the price, sees the countdown and downloads the calendar file", async ({ page }) => {
  const title = uniqueTitle("Morning randori");
  const classId = await scheduleClass(admin, TENANT, {
    title,
    startsAt: new Date(Date.now() + 2 * HOUR_MS),
    priceTokens: 10,
  });
  await memberWithTokens(page, "Enrico", 25);

  await openLivePage(page);
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  const card = upcoming.getByRole("article", { name: title });
  await expect(card).toContainText("Your balance: 25 tokens");
  await card.getByRole("button", { name: "Enroll · 10 tokens" }).click();

  await expect(page.getByText(`You're enrolled in ${title}`)).toBeVisible();
  await expect(card.getByText("You're enrolled")).toBeVisible();
  await expect(card.getByText(/^Starts in (1 h 5\d|2 h 00) min$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Balance: 15 tokens" })).toBeVisible();
  await expect(card.getByRole("button", { name: /^Enroll/ })).toHaveCount(0);

  const downloading = page.waitForEvent("download");
  await card.getByRole("button", { name: "Add to calendar" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  // Calendar lines fold at 75 octets: unfold them before looking for whole values.
  const ics = (await readFile(await download.path(), "utf8")).replace(/\r?\n[ \t]/g, "");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain(`SUMMARY:${title}`);
  expect(ics).toMatch(/^DTSTART:\d{8}T\d{6}Z\r?$/m);
  expect(ics).toContain("BEGIN:VALARM");
  expect(ics).toContain("TRIGGER:-PT1H");
  expect(ics).toContain(`${BASE_URL}/${TENANT}/live/${classId}`);

  await page.goto(`/${TENANT}/account/tokens`);
  await expect(page.getByRole("region", { name: "Your balance" })).toContainText("15 tokens");
});

test("the watch page of a class the member has not enrolled in offers to enroll", async ({ page }) => {
  const title = uniqueTitle("Kata clinic");
  const classId = await scheduleClass(admin, TENANT, {
    title,
    startsAt: new Date(Date.now() + 3 * HOUR_MS),
    priceTokens: 5,
  });
  await memberWithTokens(page, "Nora", 5);

  await page.goto(`/${TENANT}/live/${classId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "You're not enrolled in this class" })).toBeVisible();
  await expect(page.getByText("Price: 5 tokens")).toBeVisible();
  await expect(page.getByRole("link", { name: "All classes", exact: true })).toHaveAttribute("href", `/${TENANT}/live`);

  await page.getByRole("button", { name: "Enroll · 5 tokens" }).click();
  await expect(page.getByText("The player appears here when the class goes live.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Starts in \d+ h \d{2} min$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "You're not enrolled in this class" })).toBeHidden();
});

test("a cancelled class says so, and the member has their tokens back", async ({ page }) => {
  const title = uniqueTitle("Grip fighting");
  const classId = await scheduleClass(admin, TENANT, {
    title,
    startsAt: new Date(Date.now() + 4 * HOUR_MS),
    priceTokens: 4,
  });
  await memberWithTokens(page, "Carla", 10);
  await enrollInClass(page.request, TENANT, classId);
  await cancelClass(admin, TENANT, classId);

  await page.goto(`/${TENANT}/live/${classId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "This class was cancelled" })).toBeVisible();
  await expect(page.getByText("Your tokens were refunded.")).toBeVisible();
  await expect(page.locator("video")).toHaveCount(0);

  await page.getByRole("link", { name: "All classes", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Live classes" })).toBeVisible();
  await expect(classCard(page, title)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Balance: 10 tokens" })).toBeVisible();
});

test.describe("in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo", locale: "en-US" });

  test("class times are shown in the member's time zone", async ({ page }) => {
    const title = uniqueTitle("Evening newaza");
    // 01:30 UTC the day after tomorrow is 10:30 in Tokyo (UTC+9, no daylight saving).
    const startsAt = new Date(Date.now() + 2 * 24 * HOUR_MS);
    startsAt.setUTCHours(1, 30, 0, 0);
    await scheduleClass(admin, TENANT, { title, startsAt, priceTokens: 0 });
    await memberWithTokens(page, "Kenji", 0);

    await openLivePage(page);
    const card = classCard(page, title);
    await expect(card).toContainText(/10:30\sAM GMT\+9/);
    await expect(card).toContainText("Free");
    await expect(card.getByRole("button", { name: "Enroll for free" })).toBeVisible();
  });
});
