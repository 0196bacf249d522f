import { type APIRequest, type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { newPerson, storageStatePath } from "./support/accounts";
import { trpcMutation } from "./support/api";
import { BASE_URL } from "./support/server";
import { FRESH_CONNECTION, trpcCall } from "./support/trpc-call";
import { createReadyVideo } from "./support/videos";

/**
 * Console → Analytics → Estimated Cloudflare bill, on organizations of its own: each brings an
 * account on the embedded Cloudflare emulator, so the minutes delivered recorded there (and
 * fetched by the daily `analytics.cloudflareUsage` job, run through the cron endpoint) are all
 * the bill holds, and the dollar figures are known to the cent.
 */
// As e2e/server.mjs sets it.
const CRON_SECRET = "e2e-cron-secret-for-local-tests-only";
const EMULATOR = "/emulators/cloudflare";
const SIGNED_OUT = { cookies: [], origins: [] };
const DAY_MS = 86_400_000;
const utcDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
// A 600 s file reserves its length plus 10 % and a minute: 720 s.
const RESERVED_MINUTES_PER_UPLOAD = 12;

type EmulatorAccount = { accountId: string; apiToken: string; customerCode: string };
type Organization = { slug: string; owner: ReturnType<typeof newPerson>; account: EmulatorAccount };

/** A new organization, its owner signed up, connected to a new emulator account (optionally without analytics). */
async function setUpOrganization(requests: APIRequest, label: string, options: { analytics: boolean }) {
  const owner = newPerson(label);
  const slug = `cost-${owner.id}`;
  const visitor = await requests.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
  await trpcMutation(visitor, "portal/auth.signUp", { name: owner.name, email: owner.email, password: owner.password });
  const created = await visitor.post(`${EMULATOR}/__emulator/accounts`, { data: { analytics: options.analytics } });
  expect(created.status()).toBe(201);
  const account = (await created.json()) as EmulatorAccount;
  await visitor.dispose();

  const platform = await requests.newContext({ baseURL: BASE_URL, storageState: storageStatePath("platformAdmin") });
  await trpcMutation(platform, "admin/tenants.create", { name: `${label} ${owner.id}`, slug, ownerEmail: owner.email });
  await platform.dispose();

  const admin = await ownerContext(requests, { slug, owner, account });
  await trpcCall(admin, "admin", "settings.cloudflare.save", { ...account, replaceWebhook: true }, { tenant: slug });
  return { organization: { slug, owner, account }, admin };
}

async function ownerContext(requests: APIRequest, organization: Organization) {
  const context = await requests.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
  await trpcMutation(context, "admin/auth.signIn", {
    email: organization.owner.email,
    password: organization.owner.password,
  });
  return context;
}

/** A direct upload link that is never used: Cloudflare reserves its maximum length meanwhile. */
async function createPendingUpload(admin: APIRequestContext, slug: string, title: string) {
  await trpcCall(
    admin,
    "admin",
    "videos.createUpload",
    { title, fileName: "later.mp4", sizeBytes: 1_000_000, mimeType: "video/mp4", durationSeconds: 600 },
    { tenant: slug },
  );
}

/** The video's uid on the emulator, found by the name Marquee gave it there. */
async function cloudflareUid(request: APIRequestContext, account: EmulatorAccount, title: string) {
  const response = await request.get(`${EMULATOR}/client/v4/accounts/${account.accountId}/stream`, {
    headers: { Authorization: `Bearer ${account.apiToken}`, ...FRESH_CONNECTION },
  });
  expect(response.ok()).toBe(true);
  const { result } = (await response.json()) as { result: { uid: string; meta: { name?: string } }[] };
  const video = result.find((candidate) => candidate.meta.name === title);
  if (!video) throw new Error(`no video named ${title} on the emulator`);
  return video.uid;
}

/** Runs a scheduled job now; a run racing another spec's run of the same job is tried again. */
async function runJob(request: APIRequestContext, job: string) {
  await expect(async () => {
    const response = await request.post(`/api/cron/${job}?force=true`, {
      headers: { Authorization: `Bearer ${CRON_SECRET}`, ...FRESH_CONNECTION },
    });
    const outcome = await response.json();
    expect(response.ok(), JSON.stringify(outcome)).toBe(true);
    expect(outcome).toMatchObject({ ran: true, status: "succeeded" });
  }).toPass({ timeout: 30_000 });
}

async function runRollups(requests: APIRequest) {
  const cron = await requests.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
  await runJob(cron, "analytics.rollup");
  await runJob(cron, "analytics.cloudflareUsage");
  await cron.dispose();
}

async function signIn(page: Page, organization: Organization) {
  await trpcMutation(page.request, "admin/auth.signIn", {
    email: organization.owner.email,
    password: organization.owner.password,
  });
}

/** The figure a card shows, e.g. "$14.34". */
function card(page: Page, label: string | RegExp) {
  return page
    .getByRole("group", { name: label, exact: typeof label === "string" })
    .locator("p")
    .first();
}

const cents = (text: string) => Math.round(Number(text.replace(/[^\d.]/g, "")) * 100);

test.use({ storageState: SIGNED_OUT, locale: "en-US", timezoneId: "Pacific/Honolulu" });

test("a tenant admin reads the estimated bill: storage, delivery to the cent, per video and coverage", async ({
  page,
  playwright,
}) => {
  test.setTimeout(150_000);
  const { organization, admin } = await setUpOrganization(playwright.request, "Costly", { analytics: true });
  const { slug, account } = organization;
  const { id } = organization.owner;
  const hit = { title: `Most delivered ${id}`, id: "", minutes: 12_340 };
  const quiet = { title: `Less delivered ${id}`, id: "", minutes: 2_000 };
  for (const video of [hit, quiet]) {
    video.id = await createReadyVideo(admin, slug, {
      title: video.title,
      description: "Delivered for the cost tests.",
      tags: [],
      accessLevel: "members",
      captions: [],
    });
    // Yesterday: the usage job fetches the days before today.
    const recorded = await admin.post(`${EMULATOR}/__emulator/accounts/${account.accountId}/analytics/minutes`, {
      data: {
        uid: await cloudflareUid(admin, account, video.title),
        minutes: video.minutes,
        at: `${utcDay(-1)}T12:00:00Z`,
      },
      headers: FRESH_CONNECTION,
    });
    expect(recorded.status()).toBe(201);
  }
  const pending = `Not uploaded yet ${id}`;
  await createPendingUpload(admin, slug, pending);
  await admin.dispose();
  await runRollups(playwright.request);

  await signIn(page, organization);
  await page.goto(`/admin/t/${slug}/analytics`);
  const section = page.getByRole("region", { name: "Estimated Cloudflare bill" });
  await expect(section).toBeVisible();
  await expect(section).toContainText(
    "An estimate at $5.00 per 1,000 minutes stored and $1.00 per 1,000 minutes delivered, in US dollars.",
  );

  // 14,340 minutes at $1.00 per 1,000; two 4-second clips stored cost less than half a cent.
  await expect(card(page, "Delivery")).toHaveText("$14.34");
  await expect(page.getByRole("group", { name: "Delivery" })).toContainText(
    "14,340 minutes delivered × $1.00 per 1,000",
  );
  await expect(card(page, "Storage")).toHaveText("$0.00");
  await expect(card(page, "Total for the period")).toHaveText("$14.34");

  // This month: the minutes delivered so far (none on the 1st: yesterday was last month), then
  // the last week's pace (all 7 days fetched) for the days left, today included.
  const now = new Date();
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const delivered = hit.minutes + quiet.minutes;
  const soFar = utcDay(-1).slice(0, 7) === utcDay().slice(0, 7) ? delivered : 0;
  const daysLeft = daysInMonth - (now.getUTCDate() - 1);
  const projected = Math.round(((soFar + (delivered / 7) * daysLeft) * 100) / 1000);
  expect(cents((await card(page, /^Projected for /).textContent()) ?? "")).toBe(projected);
  // Cloudflare's own count of the account: the two clips and the pending upload's reservation.
  await expect(section).toContainText("Cloudflare counted");
  await expect(section).toContainText("stored in your account");
  await expect(section).toContainText("3 videos");

  await expect(section).toContainText(
    `${RESERVED_MINUTES_PER_UPLOAD} minutes reserved by unused upload links. Cloudflare counts`,
  );
  await expect(section).toContainText("Cloudflare's delivery figures cover 7 of 30 days.");

  const table = section.getByRole("table", { name: "Cost per video, most expensive first" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.getByRole("rowheader")).toHaveText([hit.title, quiet.title, pending]);
  await expect(rows.nth(0).getByRole("cell")).toHaveText([/^0(\.\d)?$/, "12,340", "$12.34"]);
  await expect(rows.nth(1).getByRole("cell")).toHaveText([/^0(\.\d)?$/, "2,000", "$2.00"]);
  await expect(rows.nth(2).getByRole("cell")).toHaveText(["0", "0", "$0.00"]);
  const perVideo = await rows.locator("td:last-child").allInnerTexts();
  expect(perVideo.reduce((sum, text) => sum + cents(text), 0)).toBe(cents("$14.34"));

  // A shorter period keeps the days fetched within it: yesterday and the five before.
  await page.getByRole("radio", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(`/admin/t/${slug}/analytics?range=7`);
  await expect(section).toContainText("Cloudflare's delivery figures cover 6 of 7 days.");
  await expect(card(page, "Delivery")).toHaveText("$14.34");

  await table.getByRole("link", { name: hit.title }).click();
  await expect(page).toHaveURL(`/admin/t/${slug}/analytics/videos/${hit.id}?range=7`);
  await expect(page.getByRole("heading", { level: 1, name: hit.title })).toBeVisible();
});

test("a token without analytics shows why delivery is missing, and pending uploads list beyond the top 20", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const { organization, admin } = await setUpOrganization(playwright.request, "Blind", { analytics: false });
  const { slug } = organization;
  const uploads = Array.from({ length: 21 }, (_, index) => `Pending ${String(index + 1).padStart(2, "0")}`);
  for (const title of uploads) await createPendingUpload(admin, slug, title);
  await admin.dispose();
  await runRollups(playwright.request);

  await signIn(page, organization);
  await page.goto(`/admin/t/${slug}/analytics`);
  const section = page.getByRole("region", { name: "Estimated Cloudflare bill" });
  const warning = section.getByRole("alert");
  await expect(warning).toContainText("Cloudflare's delivery figures could not be fetched");
  await expect(warning).toContainText("Cloudflare's delivery figures cover 0 of 30 days.");
  await expect(warning).toContainText("This API token cannot read analytics (it needs Account Analytics Read).");
  await expect(card(page, "Delivery")).toHaveText("$0.00");
  await expect(section).toContainText(
    `${uploads.length * RESERVED_MINUTES_PER_UPLOAD} minutes reserved by unused upload links.`,
  );

  const table = section.getByRole("table", { name: `Cost per video, the 20 most expensive of ${uploads.length}` });
  await expect(table.locator("tbody tr")).toHaveCount(20);
  const more = section.getByRole("button", { name: `Show all ${uploads.length} videos` });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await more.click();
  const all = section.getByRole("table", { name: "Cost per video, most expensive first" });
  await expect(all.locator("tbody tr")).toHaveCount(uploads.length);
  // Equal costs fall back to title order.
  await expect(all.locator("tbody tr").getByRole("rowheader")).toHaveText(uploads);
  await section.getByRole("button", { name: "Show the top 20" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(20);

  await warning.getByRole("link", { name: "Settings → Cloudflare" }).click();
  await expect(page).toHaveURL(`/admin/t/${slug}/settings/cloudflare`);
});
