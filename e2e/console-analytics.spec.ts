import { readFile } from "node:fs/promises";
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, newPerson, storageStatePath } from "./support/accounts";
import { trpcMutation } from "./support/api";
import {
  ADMIN,
  createClass,
  INSTRUCTOR,
  memberCall,
  newMemberContext,
  signedInContext,
} from "./support/live-broadcast";
import { BASE_URL } from "./support/server";
import { FRESH_CONNECTION, trpcCall } from "./support/trpc-call";
import { createReadyVideo, oneCueVtt } from "./support/videos";

/**
 * Console → Analytics over real figures: members watch and pay, the hourly rollup is run
 * through the cron endpoint, then an admin reads the page. Days are UTC days, so the browser
 * runs west of Greenwich, where the local date is often not the UTC one.
 */
const TENANT = "demo-dojo";
// As e2e/server.mjs sets it.
const CRON_SECRET = "e2e-cron-secret-for-local-tests-only";
const { id } = newPerson("Analytics");
// A comma and quotes: the CSV must quote this title.
const POPULAR = { title: `Kata, "heian" shodan ${id}`, id: "" };
const LONG = { title: `Randori drills ${id}`, id: "" };

const SIGNED_OUT = { cookies: [], origins: [] };
const DAY_MS = 86_400_000;
const utcDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
/** Half an hour from now, or less so the class still starts today in UTC (a class may start up to a minute ago). */
const minutesLeftToday = () => Math.min(30, (Date.parse(`${utcDay(1)}T00:00:00Z`) - Date.now()) / 60_000 - 0.5);

type Beat = { position: number; watchedSeconds: number };

/** One viewing: the player's heartbeats, the first opening the watch session. */
async function watch(request: APIRequestContext, videoId: string, beats: Beat[]) {
  let sessionId: string | null = null;
  for (const beat of beats) {
    const answer: { sessionId: string } = await trpcCall(
      request,
      "portal",
      "playback.heartbeat",
      { videoId, sessionId, ...beat },
      { tenant: TENANT },
    );
    sessionId = answer.sessionId;
  }
}

async function payOnCheckout(page: Page, submit: string | RegExp) {
  await expect(page).toHaveURL(/\/emulators\/stripe\/c\/pay\/cs_/);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: submit }).click();
}

async function choosePeriod(page: Page, name: string) {
  const choice = page.getByRole("radio", { name });
  await choice.click();
  await expect(choice).toBeChecked();
}

/** The number a figure card shows, e.g. "1,204" -> 1204. */
async function figure(page: Page, label: string): Promise<number> {
  const text = await page.getByRole("group", { name: label, exact: true }).locator("p").first().textContent();
  return Number((text ?? "").replace(/[^\d.]/g, ""));
}

/** A chart is drawn: a sized SVG named like its card, with lines or bars in it. */
async function expectChartDrawn(page: Page, name: string, marks: "lines" | "bars") {
  const chart = page.getByRole("figure", { name, exact: true });
  const svg = chart.getByRole("img", { name, exact: true });
  await expect(svg).toBeVisible();
  expect((await svg.boundingBox())?.width ?? 0).toBeGreaterThan(200);
  const drawn = marks === "lines" ? svg.locator("path.recharts-line-curve") : svg.locator("path.recharts-rectangle");
  await expect(drawn.first()).toHaveAttribute("d", /^M[\d.]+,[\d.]+.*[LZ]/);
}

/** The "Show data" table of a chart, opened. */
async function chartData(page: Page, name: string): Promise<Locator> {
  await page.getByText(`Show data for ${name}`).click();
  return page.getByRole("table", { name: `${name}, per UTC day` });
}

/** RFC 4180: quoted fields may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && char === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += char;
    }
  }
  return rows;
}

async function tableRows(table: Locator): Promise<string[][]> {
  const rows = await table.locator("tbody tr").all();
  return Promise.all(rows.map((row) => row.getByRole("cell").allInnerTexts()));
}

test.describe("a tenant admin", () => {
  test.use({ storageState: storageStatePath("tenantAdmin"), locale: "en-US", timezoneId: "Pacific/Honolulu" });

  test.beforeAll(async ({ browser, playwright }) => {
    test.setTimeout(150_000);
    const admin = await playwright.request.newContext({
      baseURL: BASE_URL,
      storageState: storageStatePath("tenantAdmin"),
    });
    for (const video of [POPULAR, LONG]) {
      video.id = await createReadyVideo(admin, TENANT, {
        title: video.title,
        description: "Watched for the analytics tests.",
        tags: [],
        accessLevel: "members",
        captions: [{ language: "en", label: "English", vtt: oneCueVtt("Breathe.") }],
      });
    }
    await admin.dispose();

    // Mia watches the popular lesson twice to the end (a clip of about 4 s), half a minute each time.
    // Empty states: contexts made here otherwise start from the admin's cookies, and signing in ends that session.
    const mia = await playwright.request.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
    await trpcMutation(mia, "portal/auth.signIn", { email: DEMO_ACCOUNTS.member.email, password: DEMO_PASSWORD });
    await watch(mia, POPULAR.id, [{ position: 5, watchedSeconds: 30 }]);
    await watch(mia, POPULAR.id, [{ position: 5, watchedSeconds: 30 }]);
    await mia.dispose();

    // A new member buys tokens, subscribes to Basic and watches half of the long one, three minutes of replays.
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const page = await context.newPage();
    const person = newPerson("Sam");
    await trpcMutation(page.request, "portal/auth.signUp", {
      name: person.name,
      email: person.email,
      password: person.password,
    });
    await trpcMutation(page.request, "portal/tenant.join", { slug: TENANT });
    await watch(page.request, LONG.id, [
      { position: 2, watchedSeconds: 60 },
      { position: 2, watchedSeconds: 60 },
      { position: 2, watchedSeconds: 60 },
    ]);
    await page.goto(`/${TENANT}/account/tokens`);
    await page.getByRole("button", { name: "Buy Class pass" }).click();
    await payOnCheckout(page, /^Pay /);
    await expect(page.getByRole("status").filter({ hasText: "12 tokens added" })).toBeVisible({ timeout: 20_000 });
    await page.goto(`/${TENANT}/pricing`);
    await page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Basic", exact: true }) })
      .getByRole("button", { name: "Subscribe to Basic" })
      .click();
    await payOnCheckout(page, "Subscribe");
    await expect(page.getByRole("heading", { name: "You're on Basic" })).toBeVisible({ timeout: 20_000 });
    await context.close();

    // The hourly rollup, now: the figures are read from its tables. The scheduler already ran this
    // hour's slot when the server started, so the trigger asks for a run of its own (`force`).
    const cron = await playwright.request.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
    const response = await cron.post("/api/cron/analytics.rollup?force=true", {
      headers: { Authorization: `Bearer ${CRON_SECRET}`, ...FRESH_CONNECTION },
    });
    const outcome = await response.json();
    expect(response.ok(), JSON.stringify(outcome)).toBe(true);
    expect(outcome, "the rollup must run after the viewing above").toMatchObject({ ran: true, status: "succeeded" });
    await cron.dispose();
  });

  test("reads the figures, changes the period, drills into a video and downloads the top videos", async ({ page }) => {
    test.setTimeout(90_000);
    const today = utcDay();
    await page.goto(`/admin/t/${TENANT}`);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Analytics" }).click();
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics`);
    await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Last 30 days" })).toBeChecked();
    await expect(page.getByText(/^Updated (just now|\d+ minutes? ago)/)).toBeVisible();

    await expect.poll(() => figure(page, "Views")).toBeGreaterThanOrEqual(3);
    expect(await figure(page, "Unique viewers")).toBeGreaterThanOrEqual(2);
    expect(await figure(page, "Minutes watched")).toBeGreaterThanOrEqual(4);
    expect(await figure(page, "New members")).toBeGreaterThanOrEqual(1);
    expect(await figure(page, "Active subscribers")).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole("list", { name: "Subscribers by tier" })).toContainText("Basic");
    expect(await figure(page, "Monthly recurring revenue")).toBeGreaterThan(0);
    expect(await figure(page, "Token sales")).toBeGreaterThan(0);
    await expect(page.getByRole("group", { name: "Token sales" })).toContainText(/\d+ tokens in \d+ purchases?/);
    await expect(page.getByRole("group", { name: "Class enrollments" })).toContainText(/tokens? spent/);

    await expectChartDrawn(page, "Views and minutes watched", "lines");
    await expectChartDrawn(page, "New members", "bars");
    await expectChartDrawn(page, "Monthly recurring revenue", "lines");
    await expectChartDrawn(page, "Token sales", "bars");
    const views = await chartData(page, "Views and minutes watched");
    await expect(views.locator("tbody tr")).toHaveCount(30);
    const perDay = await views.locator("tbody tr td:nth-of-type(1)").allInnerTexts();
    const total = perDay.reduce((sum, cell) => sum + (Number(cell.replace(/[^\d]/g, "")) || 0), 0);
    expect(total).toBe(await figure(page, "Views"));

    // The period lives in the URL: a choice is checked once the navigation lands, not on the click itself.
    await choosePeriod(page, "Last 7 days");
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics?range=7`);
    await expect(views.locator("tbody tr")).toHaveCount(7);
    await choosePeriod(page, "Last 30 days");
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics?range=30`);
    await expect(views.locator("tbody tr")).toHaveCount(30);

    await choosePeriod(page, "Custom");
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics?from=${utcDay(-29)}&to=${today}`);
    const from = page.getByLabel("From", { exact: true });
    await expect(from).toHaveValue(utcDay(-29));
    await expect(page.getByLabel("To", { exact: true })).toHaveValue(today);
    await from.fill(utcDay(1));
    await expect(page.getByText("The start must be on or before the end")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Choose a period to see its figures" })).toBeVisible();
    await from.fill(utcDay(-3));
    const custom = `/admin/t/${TENANT}/analytics?from=${utcDay(-3)}&to=${today}`;
    await expect(page).toHaveURL(custom);
    await page.reload();
    await expect(page.getByRole("radio", { name: "Custom" })).toBeChecked();
    await expect(from).toHaveValue(utcDay(-3));
    await expectChartDrawn(page, "Views and minutes watched", "lines");
    await expect((await chartData(page, "Views and minutes watched")).locator("tbody tr")).toHaveCount(4);

    // Sorted on the server: most views first, then most minutes.
    const table = page.getByRole("table", { name: "Top videos" });
    const titles = () => table.locator("tbody tr td:first-child").allInnerTexts();
    await expect
      .poll(async () => (await titles()).filter((t) => t === POPULAR.title || t === LONG.title))
      .toEqual([POPULAR.title, LONG.title]);
    await table.getByRole("button", { name: /^Minutes watched/ }).click();
    await expect(table.getByRole("columnheader", { name: /Minutes watched/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect
      .poll(async () => (await titles()).filter((t) => t === POPULAR.title || t === LONG.title))
      .toEqual([LONG.title, POPULAR.title]);
    await expect(table.getByRole("row").filter({ hasText: LONG.title }).getByRole("cell")).toHaveText([
      LONG.title,
      "1",
      "3",
      // Half of a clip a little longer than 2 × 2 s.
      /^(49|50)\.\d%$/,
    ]);

    await table.getByRole("link", { name: POPULAR.title }).click();
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics/videos/${POPULAR.id}?from=${utcDay(-3)}&to=${today}`);
    await expect(page.getByRole("heading", { level: 1, name: POPULAR.title })).toBeVisible();
    await expect.poll(() => figure(page, "Views")).toBe(2);
    expect(await figure(page, "Unique viewers")).toBe(1);
    expect(await figure(page, "Minutes watched")).toBe(1);
    await expect(page.getByRole("group", { name: "Average completion" })).toContainText("100.0%");
    await expectChartDrawn(page, "Views and minutes watched", "lines");
    await page.getByRole("main").getByRole("link", { name: "Analytics", exact: true }).click();
    await expect(page).toHaveURL(custom);

    await expect(table.getByRole("row").filter({ hasText: POPULAR.title })).toBeVisible();
    const shown = await tableRows(table);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`top-videos-${utcDay(-3)}-to-${today}.csv`);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain(`"Kata, ""heian"" shodan ${id}"`);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(["Title", "Views", "Minutes watched", "Average completion"]);
    expect(rows).toEqual(
      shown.map(([title, views, minutes, completion]) => [
        title,
        views?.replaceAll(",", ""),
        minutes?.replaceAll(",", ""),
        completion,
      ]),
    );
  });
});

test.describe("a plain member", () => {
  test.use({ storageState: storageStatePath("member") });

  test("opening Analytics gets the console's no-access answer", async ({ page }) => {
    await page.goto(`/admin/t/${TENANT}/analytics`);
    await expect(page).toHaveURL(/\/admin\/sign-in\?reason=forbidden$/);
    await expect(page.getByRole("alert")).toContainText("You don't have access to the console");
  });
});

test.describe("an instructor", () => {
  test("opens Analytics from the sidebar and sees only the classes they teach; the admin sees every class", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const where = { locale: "en-US", timezoneId: "Pacific/Honolulu" };
    const instructor = await signedInContext(browser, INSTRUCTOR.email, where);
    const admin = await signedInContext(browser, ADMIN.email, where);
    // Scheduled today (UTC), so inside "Last 30 days", whose end cannot be in the future.
    const when = { priceTokens: 0, startsInMinutes: minutesLeftToday() };
    const mine = await createClass(instructor.request, { title: `Ivan's flow ${id}`, ...when });
    const theirs = await createClass(admin.request, { title: `Ada's drills ${id}`, ...when });
    const { context: member, person } = await newMemberContext(browser, "Seated");
    await memberCall(member.request, "live.enroll", { id: mine.id });

    const page = await instructor.newPage();
    await page.goto(`/admin/t/${TENANT}`);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Analytics" }).click();
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics`);
    await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Last 30 days" })).toBeChecked();
    await expect(page.getByRole("heading", { level: 2, name: "Your classes" })).toBeVisible();
    const table = page.getByRole("table", { name: "Classes of the period" });
    await expect(table.getByRole("link", { name: mine.title })).toBeVisible();
    await expect(table.getByRole("link", { name: theirs.title })).toHaveCount(0);
    await expect(table.getByRole("columnheader", { name: "Instructor" })).toHaveCount(0);
    expect(await figure(page, "Classes")).toBeGreaterThanOrEqual(1);
    await expectChartDrawn(page, "Enrolled and attended per class", "bars");
    // None of the organization's own figures, which the server refuses instructors.
    for (const name of ["Views", "Monthly recurring revenue", "Live class attendance"]) {
      await expect(page.getByRole("group", { name, exact: true })).toHaveCount(0);
    }
    for (const name of ["Top videos", "Estimated Cloudflare bill", "Live classes"]) {
      await expect(page.getByRole("heading", { name, exact: true })).toHaveCount(0);
    }

    await table.getByRole("link", { name: mine.title }).click();
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics/classes/${mine.id}?range=30`);
    await expect(page.getByRole("heading", { level: 1, name: mine.title })).toBeVisible();
    await expect(page.getByText("With Ivan Instructor")).toBeVisible();
    const seat = page.getByRole("table", { name: "Attendance" }).getByRole("row").filter({ hasText: person.email });
    await expect(seat).toContainText(person.name);
    await expect(seat.getByRole("cell").nth(3)).toHaveText("No");

    await page.goto(`/admin/t/${TENANT}/analytics/classes/${theirs.id}?range=7`);
    await expect(page.getByRole("heading", { name: "Class not found" })).toBeVisible();
    await expect(page.getByText("another instructor teaches it")).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Analytics", exact: true }).click();
    await expect(page).toHaveURL(`/admin/t/${TENANT}/analytics?range=7`);
    await expect(page.getByRole("radio", { name: "Last 7 days" })).toBeChecked();

    // A video's audience is the organization's figure too.
    await page.goto(`/admin/t/${TENANT}/analytics/videos/${crypto.randomUUID()}`);
    await expect(page.getByRole("heading", { name: "Only owners and admins see these figures" })).toBeVisible();

    const adminPage = await admin.newPage();
    await adminPage.goto(`/admin/t/${TENANT}/analytics`);
    await expect(adminPage.getByRole("heading", { level: 2, name: "Live classes" })).toBeVisible();
    await expect(adminPage.getByRole("group", { name: "Live class attendance" })).toContainText(
      /\d+ of \d+ seats? in \d+ class(es)? held/,
    );
    const every = adminPage.getByRole("table", { name: "Classes of the period" });
    await expect(every.getByRole("row").filter({ hasText: mine.title })).toContainText("Ivan Instructor");
    await expect(every.getByRole("row").filter({ hasText: theirs.title })).toContainText("Ada Admin");
    await every.getByRole("link", { name: theirs.title }).click();
    await expect(adminPage.getByRole("heading", { level: 1, name: theirs.title })).toBeVisible();

    await Promise.all([instructor.close(), admin.close(), member.close()]);
  });
});
