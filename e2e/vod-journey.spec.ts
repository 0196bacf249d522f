import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, expect, test } from "@playwright/test";
import { newPerson, storageStatePath } from "./support/accounts";

/**
 * The whole on-demand journey in one go, as the issue tells it: an admin uploads a real
 * clip through the console, it becomes ready through the webhook, gets English and Spanish
 * captions and goes members-only; a member finds it by a word of its description and
 * watches it with both caption languages on offer; a visitor gets the lock instead.
 */
const CLIP = readFileSync(resolve(__dirname, "../packages/emulators/fixtures/lesson-4s.mp4"));
const vtt = (line: string) => Buffer.from(`WEBVTT\n\n00:00:00.000 --> 00:00:03.500\n${line}\n`);

async function pageAs(browser: Browser, role: "tenantAdmin" | "member" | null) {
  const context = await browser.newContext(
    role ? { storageState: storageStatePath(role) } : { storageState: { cookies: [], origins: [] } },
  );
  return context.newPage();
}

test("upload, process, caption, restrict; then a member watches and a visitor is asked to sign in", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { id } = newPerson("Journey");
  const title = `Ukemi journey ${id}`;
  const word = `pangolin${id}`;

  const admin = await pageAs(browser, "tenantAdmin");
  await admin.goto("/admin/t/demo-dojo/videos");
  const chooser = admin.waitForEvent("filechooser");
  await admin.getByRole("button", { name: /Drop videos here, or choose files/ }).click();
  await (await chooser).setFiles({ name: `${title}.mp4`, mimeType: "video/mp4", buffer: CLIP });
  const progress = admin
    .getByRole("list", { name: "Uploads" })
    .getByRole("progressbar", { name: `Upload of ${title}.mp4` });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "100");

  await admin.getByRole("searchbox", { name: "Search videos" }).fill(title);
  const row = admin.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Ready", { exact: true })).toBeVisible({ timeout: 60_000 });
  await row.getByRole("link", { name: title }).click();
  await expect(admin.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  for (const [language, label, line] of [
    ["en", "English", "Keep your chin tucked"],
    ["es", "Spanish", "Mete la barbilla"],
  ] as const) {
    const form = admin.getByRole("form", { name: "Add captions" });
    await form.getByLabel("Language").fill(language);
    await expect(form.getByLabel("Label")).toHaveValue(label);
    await form
      .getByLabel("WebVTT file")
      .setInputFiles({ name: `${language}.vtt`, mimeType: "text/vtt", buffer: vtt(line) });
    await form.getByRole("button", { name: "Upload captions" }).click();
    await expect(admin.getByText(`${label} captions added`)).toBeVisible();
  }
  await admin.getByLabel("Description").fill(`Falling safely, the ${word} way.`);
  await admin.getByRole("radio", { name: "Members only" }).check();
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("Changes saved")).toBeVisible();

  const member = await pageAs(browser, "member");
  await member.goto("/demo-dojo/videos");
  await member.getByRole("searchbox", { name: "Search videos" }).fill(word);
  const card = member.getByRole("link", { name: title });
  await expect(card).toHaveCount(1);
  await card.click();
  const video = member.getByLabel(title, { exact: true });
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(0.5);
  await member.getByRole("button", { name: "Captions: Off" }).click();
  // Cloudflare names caption tracks in their own language.
  await expect(member.getByRole("menu").getByRole("menuitemradio")).toHaveText(["Off", "English", "Español"]);

  const visitor = await pageAs(browser, null);
  await visitor.goto(`/demo-dojo/videos?q=${word}`);
  await expect(visitor.getByRole("link", { name: title })).toContainText("Sign in to watch");
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { name: "Sign in to watch" })).toBeVisible();
  await expect(visitor.locator("video")).toHaveCount(0);
});
