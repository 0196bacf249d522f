import { expect, type Locator, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, newPerson, storageStatePath } from "./support/accounts";
import { ownAddress } from "./support/api";
import { BASE_URL } from "./support/server";
import { createReadyVideo, oneCueVtt } from "./support/videos";

// One members-only video per run, found by a word nobody else uses.
const { id } = newPerson("Video");
const word = `quokka${id}`;
const title = `Breakfalls, lesson ${id}`;
const tag = `falls-${id}`;
let videoId = "";

test.beforeAll(async ({ playwright }) => {
  const admin = await playwright.request.newContext({
    baseURL: BASE_URL,
    storageState: storageStatePath("tenantAdmin"),
  });
  videoId = await createReadyVideo(admin, "demo-dojo", {
    title,
    description: `Rolling out of a fall without a bruise; the ${word} way.`,
    tags: [tag, "basics"],
    accessLevel: "members",
    captions: [
      { language: "en", label: "English", vtt: oneCueVtt("Tuck your chin.") },
      { language: "es", label: "Español", vtt: oneCueVtt("Mete la barbilla.") },
    ],
  });
  await admin.dispose();
});

const currentTime = (video: Locator) => video.evaluate((element: HTMLVideoElement) => element.currentTime);

test.describe("a member", () => {
  test.use({ storageState: storageStatePath("member") });

  test("finds a video by a word of its description, watches it and picks captions", async ({ page }) => {
    await page.goto("/demo-dojo");
    await page.getByRole("navigation", { name: "Demo Dojo" }).getByRole("link", { name: "Videos" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Videos" })).toBeVisible();

    await page.getByRole("searchbox", { name: "Search videos" }).fill(word);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
    const card = page.getByRole("link", { name: title });
    await expect(card).toHaveCount(1);
    await expect(card).not.toContainText("Sign in to watch");
    await expect(page.getByRole("listitem").filter({ has: card })).toHaveCount(1);

    await page.getByRole("button", { name: tag, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]tag=${tag}`));
    await expect(card).toHaveCount(1);

    const heartbeat = page.waitForResponse((response) => response.url().includes("/playback.heartbeat"));
    await card.click();
    await expect(page).toHaveURL(`/demo-dojo/videos/${videoId}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

    // The click that opened the page lets it start playing with sound.
    const video = page.getByLabel(title, { exact: true });
    await expect.poll(() => currentTime(video), { timeout: 15_000 }).toBeGreaterThan(0.5);
    // The clip ends after four seconds: the end of a viewing is reported.
    expect((await heartbeat).ok()).toBe(true);

    await page.getByRole("button", { name: "Captions: Off" }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitemradio")).toHaveText(["Off", "English", "Español"]);
    await menu.getByRole("menuitemradio", { name: "Español" }).click();
    await expect(page.getByRole("button", { name: "Captions: Español" })).toBeVisible();
    await expect
      .poll(() =>
        video.evaluate(
          (element: HTMLVideoElement) =>
            Array.from(element.textTracks).find((track) => track.mode === "showing")?.language,
        ),
      )
      .toBe("es");
  });

  test("a video that fails to load says so, and Try again plays it", async ({ page }) => {
    await page.route("**/manifest/video.m3u8", (route) => route.abort("connectionfailed"));
    await page.goto(`/demo-dojo/videos/${videoId}`);
    const problem = page.getByRole("alert").filter({ hasText: "The video could not be played" });
    await expect(problem).toBeVisible({ timeout: 20_000 });

    await page.unroute("**/manifest/video.m3u8");
    await problem.getByRole("button", { name: "Try again" }).click();
    await expect(problem).toBeHidden();
    const video = page.getByLabel(title, { exact: true });
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThan(0);
    await video.evaluate((element: HTMLVideoElement) => element.play());
    await expect.poll(() => currentTime(video)).toBeGreaterThan(0.5);
  });
});

test.describe("a visitor", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sees the lock and the way in on the card and the watch page, then signs in to watch", async ({ page }) => {
    await page.goto(`/demo-dojo/videos?q=${word}`);
    const card = page.getByRole("link", { name: title });
    await expect(card).toContainText("Sign in to watch");
    await card.click();

    await expect(page).toHaveURL(`/demo-dojo/videos/${videoId}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sign in to watch" })).toBeVisible();
    await expect(page.locator("video")).toHaveCount(0);

    const signIn = page.getByRole("main").getByRole("link", { name: "Sign in", exact: true });
    await expect(signIn).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(`/demo-dojo/videos/${videoId}`)}`);
    await signIn.click();
    await page.getByLabel("Email", { exact: true }).fill(DEMO_ACCOUNTS.member.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(`/demo-dojo/videos/${videoId}`);
    await expect(page.getByLabel(title, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sign in to watch" })).toBeHidden();
  });
});

test("someone signed in but not a member joins from the watch page, and the player replaces the prompt", async ({
  page,
}) => {
  const person = newPerson("Jo");
  const signUp = await page.request.post("/trpc/portal/auth.signUp", {
    data: { json: { name: person.name, email: person.email, password: person.password } },
    headers: { Origin: BASE_URL, ...ownAddress() },
  });
  expect(signUp.ok()).toBe(true);

  await page.goto(`/demo-dojo/videos/${videoId}`);
  await expect(page.getByRole("heading", { name: "Join Demo Dojo to watch" })).toBeVisible();
  await page.getByRole("button", { name: "Join Demo Dojo" }).click();
  await expect(page.getByLabel(title, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Join Demo Dojo to watch" })).toBeHidden();
});

test("an unknown video shows a not-found page with the way back to the catalog", async ({ page }) => {
  await page.goto("/demo-dojo/videos/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Video not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse videos" })).toHaveAttribute("href", "/demo-dojo/videos");
});
