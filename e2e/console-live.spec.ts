import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, storageStatePath } from "./support/accounts";
import { trpcMutation } from "./support/api";
import { createClass, staffCall } from "./support/live-broadcast";
import { BASE_URL } from "./support/server";
import { FRESH_CONNECTION } from "./support/trpc-call";

const TENANT = "demo-dojo";
const INSTRUCTOR = { email: "instructor@demo-dojo.local", name: "Ivan Instructor" };
// Browser and API disagree on purpose: the form speaks New York time, the server stores UTC.
const TIME_ZONE = "America/New_York";
const NEXT_YEAR = new Date().getFullYear() + 1;

type LiveClass = { id: string; title: string; scheduledStart: string; broadcastMode: string | null; status: string };
type ClassList = { live: LiveClass[]; scheduled: LiveClass[]; past: LiveClass[] };

test.use({ timezoneId: TIME_ZONE, locale: "en-GB" });

function uniqueTitle(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A console query for Demo Dojo, as the signed-in user of `request`; superjson's payload. */
async function adminQuery<T>(request: APIRequestContext, path: string, input?: Record<string, unknown>): Promise<T> {
  const search = input ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : "";
  const response = await request.get(`/trpc/admin/${path}${search}`, {
    headers: { Origin: BASE_URL, "x-tenant": TENANT },
  });
  expect(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function findClass(request: APIRequestContext, title: string): Promise<LiveClass | undefined> {
  const list = await adminQuery<ClassList>(request, "live.list");
  return [...list.live, ...list.scheduled, ...list.past].find((candidate) => candidate.title === title);
}

async function signInAsInstructor(page: Page) {
  // page.request shares the page's cookies: the session it gets is the browser's.
  await trpcMutation(page.request, "admin/auth.signIn", { email: INSTRUCTOR.email, password: DEMO_PASSWORD });
}

async function openLive(page: Page) {
  await page.goto(`/admin/t/${TENANT}`);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Live" }).click();
  await expect(page.getByRole("heading", { name: "Live classes", level: 1 })).toBeVisible();
}

test.describe("as an instructor", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("schedules a class in their time zone, edits it and cancels it", async ({ page }) => {
    const title = uniqueTitle("Evening kata");
    await signInAsInstructor(page);
    await openLive(page);
    await page.getByRole("link", { name: "New class" }).click();
    await expect(page.getByRole("heading", { name: "New class", level: 1 })).toBeVisible();

    // Instructors teach their own classes: nobody to choose.
    await expect(page.getByLabel("Instructor")).toHaveCount(0);
    await expect(page.getByLabel("Start", { exact: true })).toHaveAccessibleDescription(
      `In your time zone (${TIME_ZONE}).`,
    );
    await expect(page.getByLabel("Duration (minutes)")).toHaveValue("60");
    await expect(page.getByLabel("Price (tokens)")).toHaveValue("0");
    await expect(page.getByText("Free", { exact: true })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Keep the recording for the catalog" })).toBeChecked();

    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("Heian shodan, slowly.");
    await page.getByLabel("Start", { exact: true }).fill(`${NEXT_YEAR}-01-15T18:00`);
    await page.getByLabel("Duration (minutes)").fill("45");
    await page.getByLabel("Price (tokens)").fill("10");
    await page.getByRole("button", { name: "Create class" }).click();

    await expect(page.getByText(`${title} is scheduled`)).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/t\/demo-dojo\/live\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

    // 18:00 in New York in January is 23:00 UTC.
    expect((await findClass(page.request, title))?.scheduledStart).toBe(`${NEXT_YEAR}-01-15T23:00:00.000Z`);

    await page.getByRole("link", { name: "Live classes" }).click();
    const row = page.getByRole("table", { name: "Scheduled" }).getByRole("row").filter({ hasText: title });
    await expect(row).toContainText(`15 Jan ${NEXT_YEAR}, 18:00`);
    await expect(row).toContainText("45 min");
    await expect(row).toContainText("10 tokens");
    await expect(row).toContainText(INSTRUCTOR.name);
    await expect(row).toContainText("Scheduled");

    await row.getByRole("button", { name: `Actions for ${title}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { name: `Edit ${title}`, level: 1 })).toBeVisible();
    await expect(page.getByLabel("Start", { exact: true })).toHaveValue(`${NEXT_YEAR}-01-15T18:00`);
    await expect(page.getByLabel("Price (tokens)")).toHaveValue("10");
    await page.getByLabel("Start", { exact: true }).fill(`${NEXT_YEAR}-01-15T19:30`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved")).toBeVisible();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.locator("time").filter({ hasText: `15 Jan ${NEXT_YEAR}, 19:30` })).toBeVisible();
    expect((await findClass(page.request, title))?.scheduledStart).toBe(`${NEXT_YEAR}-01-16T00:30:00.000Z`);

    await page.getByRole("link", { name: "Live classes" }).click();
    await row.getByRole("button", { name: `Actions for ${title}` }).click();
    await page.getByRole("menuitem", { name: "Cancel class" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Cancel ${title}?` });
    await expect(dialog).toContainText("Nobody has enrolled yet.");
    await dialog.getByRole("button", { name: "Cancel class" }).click();
    await expect(page.getByText(`${title} was cancelled`)).toBeVisible();
    await expect(dialog).toBeHidden();
    const past = page.getByRole("table", { name: "Past" }).getByRole("row").filter({ hasText: title });
    await expect(past).toContainText("Cancelled");
    await expect(
      page.getByRole("table", { name: "Scheduled" }).getByRole("row").filter({ hasText: title }),
    ).toHaveCount(0);
  });

  test("finds no class that is not theirs", async ({ page }) => {
    await signInAsInstructor(page);
    for (const id of [crypto.randomUUID(), "not-a-class"]) {
      await page.goto(`/admin/t/${TENANT}/live/${id}`);
      await expect(page.getByRole("heading", { name: "This class does not exist" })).toBeVisible();
      await page.goto(`/admin/t/${TENANT}/live/${id}/edit`);
      await expect(page.getByRole("heading", { name: "This class does not exist" })).toBeVisible();
    }
  });

  test("sees field errors for an empty title and a start in the past", async ({ page }) => {
    await signInAsInstructor(page);
    await page.goto(`/admin/t/${TENANT}/live/new`);
    await page.getByLabel("Start", { exact: true }).fill("2020-01-06T10:00");
    await page.getByRole("button", { name: "Create class" }).click();

    const titleField = page.getByLabel("Title");
    await expect(titleField).toHaveAccessibleDescription(/Name the class/);
    await expect(titleField).toBeFocused();
    await expect(page.getByLabel("Start", { exact: true })).toHaveAccessibleDescription(
      /Choose a start time in the future\./,
    );
    await expect(page).toHaveURL(/\/live\/new$/);

    await page.getByLabel("Duration (minutes)").fill("2");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByLabel("Duration (minutes)")).toHaveAccessibleDescription(/at least 5 minutes/);
  });
});

test.describe("as a tenant admin", () => {
  test.use({ storageState: storageStatePath("tenantAdmin") });

  test("schedules a class for an instructor; the stream key stays hidden until Reveal", async ({ page }) => {
    const title = uniqueTitle("OBS session");
    await openLive(page);
    await page.getByRole("link", { name: "New class" }).click();
    await page.getByLabel("Title").fill(title);
    await page.getByRole("combobox", { name: "Instructor" }).click();
    await page.getByRole("option", { name: INSTRUCTOR.name }).click();
    await page.getByLabel("Start", { exact: true }).fill(`${NEXT_YEAR}-03-02T09:00`);
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark live" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Start broadcast" })).toBeVisible();

    const created = await findClass(page.request, title);
    if (!created) throw new Error(`${title} is not in the list`);
    const details = await adminQuery<{ rtmps: { url: string; streamKey: string } }>(page.request, "live.broadcast", {
      id: created.id,
    });

    const panel = page.getByRole("region", { name: "Stream from OBS or another encoder" });
    await expect(panel).toContainText("members watch over HLS and Cloudflare records the class");
    const key = panel.getByRole("textbox", { name: "Stream key" });
    await expect(panel.getByRole("textbox", { name: "RTMPS URL" })).toHaveValue(details.rtmps.url);
    await expect(key).not.toHaveValue(details.rtmps.streamKey);
    await expect(key).toHaveValue(/^•+$/);
    await expect(page.getByText(details.rtmps.streamKey)).toHaveCount(0);
    await expect(panel.getByRole("textbox", { name: "SRT URL" })).toHaveValue(/^•+$/);

    const reveal = panel.getByRole("button", { name: "Reveal" });
    await expect(reveal).toHaveAttribute("aria-pressed", "false");
    await reveal.click();
    await expect(reveal).toHaveAttribute("aria-pressed", "true");
    await expect(key).toHaveValue(details.rtmps.streamKey);
    await expect(panel.getByRole("textbox", { name: "SRT URL" })).toHaveValue(/^srt:\/\/.+passphrase=.+streamid=/);
    // Revealing the key is choosing the encoder: members will watch over HLS.
    await expect.poll(async () => (await findClass(page.request, title))?.broadcastMode).toBe("encoder");

    await reveal.click();
    await expect(reveal).toHaveAttribute("aria-pressed", "false");
    await expect(key).toHaveValue(/^•+$/);
  });

  test("saves the Live settings", async ({ page }) => {
    const original = await adminQuery<{ replayDays: number; catalogAfterDays: number; catalogAccessLevel: string }>(
      page.request,
      "live.settings",
    );
    try {
      await page.goto(`/admin/t/${TENANT}/settings`);
      await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Live" }).click();
      await expect(page).toHaveURL(/\/settings\/live$/);
      await expect(page.getByRole("heading", { name: "Live classes" })).toBeVisible();

      const replay = page.getByLabel("Replay window (days)");
      const catalogAfter = page.getByLabel("Move kept recordings to the catalog after (days)");
      await expect(replay).toHaveValue(String(original.replayDays));
      await catalogAfter.fill("3");
      await page.getByRole("button", { name: "Save live settings" }).click();
      await expect(catalogAfter).toHaveAccessibleDescription(/Wait at least 8 days/);

      // The replay window stays as it is: other tests on this server watch replays meanwhile.
      const catalogDays = String(original.catalogAfterDays === 90 ? 91 : 90);
      await catalogAfter.fill(catalogDays);
      await page.getByRole("combobox", { name: "Catalog access" }).click();
      await page.getByRole("option", { name: /^Public/ }).click();
      await page.getByRole("button", { name: "Save live settings" }).click();
      await expect(page.getByText("Live settings saved")).toBeVisible();

      await page.reload();
      await expect(replay).toHaveValue(String(original.replayDays));
      await expect(catalogAfter).toHaveValue(catalogDays);
      await expect(page.getByRole("combobox", { name: "Catalog access" })).toHaveText("Public");
    } finally {
      // Leave the demo as the other tests expect it.
      await page.request.post("/trpc/admin/live.updateSettings", {
        data: { json: original },
        headers: { Origin: BASE_URL, "x-tenant": TENANT },
      });
    }
  });
});

test.describe("with Cloudflare's live input notifications", () => {
  test.use({ storageState: storageStatePath("tenantAdmin") });

  type Own = { liveNotifications: { url: string; enabled: boolean } } | null;
  const turnOff = (request: APIRequestContext) =>
    staffCall(request, "settings.cloudflare.disableLiveNotifications", {});

  test.beforeEach(async ({ page }) => {
    const { own } = await staffCall<{ own: Own }>(page.request, "settings.cloudflare.get", {}, true);
    expect(own, "Demo Dojo uses its own Cloudflare connection").not.toBeNull();
    await turnOff(page.request);
  });

  test.afterEach(async ({ page }) => {
    await turnOff(page.request);
  });

  test("a tenant admin creates the secret, sees it once, replaces it and turns notifications off", async ({ page }) => {
    await page.goto(`/admin/t/${TENANT}/settings/cloudflare`);
    const card = page.getByRole("region", { name: "Live input notifications" });
    const status = card.getByRole("status", { name: "Status" });
    await expect(status).toHaveText("Off");
    await expect(card).toContainText("Marquee checks every minute");
    await expect(card.getByRole("textbox", { name: "Notification URL" })).toHaveValue(
      new RegExp(`^${BASE_URL}/api/webhooks/cloudflare/[0-9a-f-]{36}/live$`),
    );
    await expect(card.getByRole("button", { name: "Copy notification URL" })).toBeVisible();
    await expect(card.getByRole("button", { name: "Turn off" })).toHaveCount(0);

    await card.getByRole("button", { name: "Create secret" }).click();
    const secret = card.getByRole("textbox", { name: "Secret" });
    await expect(secret).toHaveValue(/^[\w-]{32}$/);
    await expect(secret).toBeFocused();
    await expect(secret).toHaveAccessibleDescription(/Notifications → Destinations.+'Stream Live Input'/);
    await expect(card.getByRole("button", { name: "Copy secret" })).toBeVisible();
    await expect(status).toHaveText("On");
    const first = await secret.inputValue();

    // Shown once: after a reload only "On" is left.
    await page.reload();
    await expect(status).toHaveText("On");
    await expect(card.getByRole("textbox", { name: "Secret" })).toHaveCount(0);
    await expect(page.locator(`input[value="${first}"]`)).toHaveCount(0);

    await card.getByRole("button", { name: "Replace secret" }).click();
    const replace = page.getByRole("alertdialog", { name: "Replace the secret?" });
    await expect(replace).toContainText("The current secret stops working");
    await replace.getByRole("button", { name: "Replace secret" }).click();
    await expect(replace).toBeHidden();
    await expect(secret).toBeFocused();
    await expect(secret).toHaveValue(/^[\w-]{32}$/);
    await expect(secret).not.toHaveValue(first);

    await card.getByRole("button", { name: "Turn off" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Turn off live notifications?" });
    await dialog.getByRole("button", { name: "Turn off" }).click();
    await expect(dialog).toBeHidden();
    await expect(status).toHaveText("Off");
    await expect(status).toBeFocused();
    await expect(card.getByRole("textbox", { name: "Secret" })).toHaveCount(0);
    await expect(card.getByRole("button", { name: "Create secret" })).toBeVisible();
  });

  test("the class page shows why Cloudflare refused the stream, until the input connects", async ({ page }) => {
    const created = await createClass(page.request, { title: uniqueTitle("Refused stream"), priceTokens: 0 });
    try {
      const { liveInputUid } = await staffCall<{ liveInputUid: string }>(
        page.request,
        "live.byId",
        { id: created.id },
        true,
      );
      const { url, secret } = await staffCall<{ url: string; secret: string }>(
        page.request,
        "settings.cloudflare.rotateLiveNotificationSecret",
        {},
      );
      const notify = async (eventType: string, extra: Record<string, unknown> = {}) => {
        const now = new Date();
        const response = await page.request.post(url, {
          headers: { "cf-webhook-auth": secret, ...FRESH_CONNECTION },
          data: {
            name: "Stream Live Input",
            text: "x",
            data: {
              notification_name: "Stream Live Input",
              input_id: liveInputUid,
              event_type: eventType,
              updated_at: now.toISOString(),
              ...extra,
            },
            ts: Math.floor(now.getTime() / 1000),
          },
        });
        expect(response.status(), await response.text()).toBe(200);
      };

      await page.goto(`/admin/t/${TENANT}/live/${created.id}`);
      await expect(page.getByRole("heading", { name: created.title, level: 1 })).toBeVisible();
      const refused = page.getByRole("alert").filter({ hasText: "Cloudflare refused the broadcast" });
      await expect(refused).toHaveCount(0);

      await notify("live_input.errored", {
        live_input_errored: {
          error: { code: "ERR_UNSUPPORTED_VIDEO_CODEC", message: "The video codec is not supported." },
        },
      });
      await page.reload();
      await expect(refused).toContainText("ERR_UNSUPPORTED_VIDEO_CODEC: The video codec is not supported.");
      await expect(refused).toContainText("H.264 video and AAC audio");

      // The input connects again: the reason goes.
      await notify("live_input.connected");
      await page.reload();
      await expect(page.getByRole("heading", { name: created.title, level: 1 })).toBeVisible();
      await expect(refused).toHaveCount(0);
    } finally {
      await staffCall(page.request, "live.cancel", { id: created.id });
    }
  });
});

test.describe("a browser broadcast's recording", () => {
  test.use({ storageState: storageStatePath("tenantAdmin") });

  test("outlives a tab closed mid-broadcast, and uploads from the class page", async ({ page, context }) => {
    test.setTimeout(120_000);
    const created = await createClass(page.request, { title: uniqueTitle("Closed tab"), priceTokens: 0 });
    const classPath = `/admin/t/${TENANT}/live/${created.id}`;
    await page.goto(classPath);
    await page.getByRole("button", { name: "Start broadcast" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("It is saved in this browser as it goes")).toBeVisible();
    await page.waitForTimeout(3_000);

    // The tab goes without a Stop: the leave guard asks, and the answer is to leave.
    page.on("dialog", (dialog) => void dialog.accept());
    const closed = page.waitForEvent("close");
    await page.close({ runBeforeUnload: true });
    await closed;

    const again = await context.newPage();
    await again.goto(classPath);
    const kept = again.getByRole("region", { name: "A recording from your last broadcast wasn't uploaded" });
    await expect(kept).toBeVisible({ timeout: 20_000 });
    await expect(kept).toContainText(/Recorded .+ · [\d.]+ (KB|MB)\./);
    await kept.getByRole("button", { name: "Upload recording" }).click();
    await expect(kept).toBeHidden();
    await expect(again.getByRole("progressbar", { name: "Recording upload" })).toBeVisible();
    await expect(again.getByText(/^Recording uploaded/)).toBeVisible({ timeout: 60_000 });
    expect(
      (await staffCall<{ recordingStatus: string }>(again.request, "live.byId", { id: created.id }, true))
        .recordingStatus,
    ).not.toBe("none");

    // Uploaded, so the browser's copy is gone: nothing is offered any more.
    await again.reload();
    await expect(again.getByRole("heading", { name: created.title, level: 1 })).toBeVisible();
    await expect(again.getByRole("button", { name: "Start broadcast" })).toBeVisible();
    await expect(kept).toHaveCount(0);
    await staffCall(again.request, "live.end", { id: created.id });
  });

  test("can be discarded instead", async ({ page, context }) => {
    test.setTimeout(90_000);
    const created = await createClass(page.request, { title: uniqueTitle("Discarded"), priceTokens: 0 });
    const classPath = `/admin/t/${TENANT}/live/${created.id}`;
    await page.goto(classPath);
    await page.getByRole("button", { name: "Start broadcast" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(2_000);
    page.on("dialog", (dialog) => void dialog.accept());
    const closed = page.waitForEvent("close");
    await page.close({ runBeforeUnload: true });
    await closed;

    const again = await context.newPage();
    await again.goto(classPath);
    const kept = again.getByRole("region", { name: "A recording from your last broadcast wasn't uploaded" });
    await kept.getByRole("button", { name: "Discard" }).click();
    const dialog = again.getByRole("alertdialog", { name: "Discard this recording?" });
    await dialog.getByRole("button", { name: "Discard recording" }).click();
    await expect(again.getByText("Recording discarded")).toBeVisible();
    await expect(kept).toHaveCount(0);
    await again.reload();
    await expect(again.getByRole("button", { name: "Start broadcast" })).toBeVisible();
    await expect(kept).toHaveCount(0);
    await staffCall(again.request, "live.end", { id: created.id });
  });
});

test.describe("as a platform admin", () => {
  test.use({ storageState: storageStatePath("platformAdmin") });

  test("sees the scheduled jobs", async ({ page }) => {
    await page.goto("/admin/platform/tenants");
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Jobs" }).click();
    await expect(page).toHaveURL(/\/admin\/platform\/jobs$/);
    await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
    const jobs = page.getByRole("table", { name: "Scheduled jobs" });
    await expect(jobs.getByRole("row").filter({ hasText: "classes.liveStatus" })).toContainText("every minute");
    await expect(jobs.getByRole("row").filter({ hasText: "recordings.cleanup" })).toContainText("daily at 02:00 UTC");
    await expect(jobs.getByRole("row").filter({ hasText: "classes.migrateToCatalog" })).toContainText(
      "daily at 03:00 UTC",
    );
  });
});
