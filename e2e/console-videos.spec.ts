import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support/accounts";
import { BASE_URL } from "./support/server";

test.use({ storageState: storageStatePath("tenantAdmin") });

const TENANT = "demo-dojo";
const CLIP = readFileSync(resolve(__dirname, "../packages/emulators/fixtures/lesson-4s.mp4"));

/** A title nobody else's run uses, so the list can be searched for exactly this video. */
function uniqueTitle(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function vttFile(name: string, line: string) {
  const text = `WEBVTT\n\n00:00:00.000 --> 00:00:03.500\n${line}\n`;
  return { name, mimeType: "text/vtt", buffer: Buffer.from(text) };
}

/** Picks files the way a user does: the drop zone is a button that opens the file picker. */
async function chooseFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: /Drop videos here, or choose files/ }).click();
  await (await chooser).setFiles(files);
}

async function addCaptions(page: Page, language: string, label: string, line: string) {
  const form = page.getByRole("form", { name: "Add captions" });
  await form.getByLabel("Language").fill(language);
  // The label follows the language until it is typed in.
  await expect(form.getByLabel("Label")).toHaveValue(label);
  await form.getByLabel("WebVTT file").setInputFiles(vttFile(`lesson.${language}.vtt`, line));
  await form.getByRole("button", { name: "Upload captions" }).click();
  await expect(page.getByText(`${label} captions added`)).toBeVisible();
}

async function adminMutation(request: APIRequestContext, path: string, input: Record<string, unknown>) {
  const response = await request.post(`/trpc/admin/${path}`, {
    data: { json: input },
    headers: { Origin: BASE_URL, "x-tenant": TENANT },
  });
  expect(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

test("an admin uploads a clip, watches it become ready, captions it, picks a poster and makes it members-only", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const title = uniqueTitle("Kata lesson");
  await page.goto(`/admin/t/${TENANT}`);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Videos" }).click();
  await expect(page).toHaveURL(/\/admin\/t\/demo-dojo\/videos$/);
  await expect(page.getByRole("heading", { name: "Videos", level: 1 })).toBeVisible();

  // Uploaded public, so that members-only below is a real change.
  await page.getByRole("combobox", { name: "Access for new uploads" }).click();
  await page.getByRole("option", { name: /^Public/ }).click();
  await chooseFiles(page, [{ name: `${title}.mp4`, mimeType: "video/mp4", buffer: CLIP }]);

  const uploads = page.getByRole("list", { name: "Uploads" });
  const progress = uploads.getByRole("progressbar", { name: `Upload of ${title}.mp4` });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(uploads).toContainText(/Uploaded [\d.]+ KB to Cloudflare/);

  // The list polls while Cloudflare processes; the emulator's webhook then makes the video ready.
  await page.getByRole("searchbox", { name: "Search videos" }).fill(title);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Ready", { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(row.getByText("Public", { exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "0:04" })).toBeVisible();

  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Public" })).toBeChecked();
  // Demo Dojo's seeded tiers are offered, lowest rank first; the choice is left unsaved.
  await page.getByRole("radio", { name: "Tier subscribers" }).check();
  await page.getByRole("combobox", { name: "Required tier" }).click();
  await expect(page.getByRole("option").first()).toContainText("Basic");
  await expect(page.getByRole("option", { name: /^Premium/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("table", { name: "Viewing in the last 7 and 30 days" })).toContainText("Views");

  // A caption file that is not WebVTT is refused in the browser, with the reason.
  const captionForm = page.getByRole("form", { name: "Add captions" });
  await captionForm.getByLabel("WebVTT file").setInputFiles({
    name: "lesson.srt",
    mimeType: "application/x-subrip",
    buffer: Buffer.from("1\n00:00:00,000 --> 00:00:03,500\nHello\n"),
  });
  await expect(captionForm.getByLabel("WebVTT file")).toHaveAccessibleDescription(/This is not a WebVTT file/);

  await addCaptions(page, "en", "English", "Hello and welcome");
  await addCaptions(page, "es", "Spanish", "Hola y bienvenidos");
  const tracks = page.getByRole("list", { name: "Caption tracks" });
  await expect(tracks.getByRole("listitem")).toHaveCount(2);

  // The poster preview is Cloudflare's thumbnail at the chosen second.
  await page.getByRole("spinbutton", { name: "Second" }).fill("2");
  await expect(page.getByRole("img", { name: "Frame at 0:02" })).toHaveAttribute("src", /[?&]time=2s/);
  await page.getByRole("button", { name: "Use this frame" }).click();
  await expect(page.getByText("Poster frame saved")).toBeVisible();

  await page.getByRole("radio", { name: "Members only" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Members only" })).toBeChecked();
  await expect(page.getByRole("spinbutton", { name: "Second" })).toHaveValue("2");
  await expect(tracks.getByRole("listitem")).toHaveCount(2);
  await expect(tracks).toContainText("English");
  await expect(tracks).toContainText("Spanish");

  await page.getByRole("button", { name: "Delete video" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete “${title}”?` });
  await confirm.getByRole("button", { name: "Delete video" }).click();
  await expect(page).toHaveURL(/\/admin\/t\/demo-dojo\/videos$/);
  await expect(page.getByText(`“${title}” was deleted`)).toBeVisible();
  await page.getByRole("searchbox", { name: "Search videos" }).fill(title);
  await expect(page.getByText("No videos match")).toBeVisible();
});

test("a file that is not a video is refused before anything is uploaded", async ({ page }) => {
  await page.goto(`/admin/t/${TENANT}/videos`);
  await chooseFiles(page, [{ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a video") }]);
  const alert = page.getByRole("alert").filter({ hasText: "notes.txt was not uploaded" });
  await expect(alert).toContainText("This is not a video file");
  await expect(page.getByRole("list", { name: "Uploads" })).toHaveCount(0);
});

test("deleting a video from the list removes it, after a Cloudflare failure and a retry", async ({ page, request }) => {
  test.setTimeout(60_000);
  const title = uniqueTitle("Warm-up");
  const created = (await adminMutation(request, "videos.createUpload", {
    title,
    fileName: `${title}.mp4`,
    sizeBytes: CLIP.length,
    mimeType: "video/mp4",
    accessLevel: "members",
  })) as { videoId: string; uploadUrl: string };
  // Cloudflare fails every attempt of the next delete of this video (the API retries 5xx itself).
  const uid = /([0-9a-f]{32})(?:\?|$)/.exec(created.uploadUrl)?.[1];
  expect(uid, created.uploadUrl).toBeTruthy();
  const fault = await request.post("/emulators/cloudflare/__emulator/faults", {
    data: { path: `/stream/${uid}$`, method: "DELETE", status: 500, times: 4 },
  });
  expect(fault.status()).toBe(201);

  await page.goto(`/admin/t/${TENANT}/videos`);
  await page.getByRole("searchbox", { name: "Search videos" }).fill(title);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Waiting for upload")).toBeVisible();
  await row.getByRole("button", { name: `Delete ${title}` }).click();

  const confirm = page.getByRole("alertdialog", { name: `Delete “${title}”?` });
  await confirm.getByRole("button", { name: "Delete video" }).click();
  await expect(confirm.getByRole("alert")).toContainText("The video was not deleted", { timeout: 20_000 });
  // The row is kept while Cloudflare still has the video (the page behind the dialog is inert to queries).
  const kept = await request.get(
    `/trpc/admin/videos.byId?input=${encodeURIComponent(JSON.stringify({ json: { id: created.videoId } }))}`,
    { headers: { "x-tenant": TENANT } },
  );
  expect(kept.status()).toBe(200);

  await confirm.getByRole("button", { name: "Try again" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(`“${title}” was deleted`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.reload();
  await page.getByRole("searchbox", { name: "Search videos" }).fill(title);
  await expect(page.getByText("No videos match")).toBeVisible();
});
