import { expect, type Locator, type Page, test } from "@playwright/test";
import { newPerson } from "./support/accounts";
import {
  ADMIN,
  createClass,
  INSTRUCTOR,
  memberCall,
  newMemberContext,
  setTokenBalance,
  signedInContext,
  simulateEncoder,
  staffCall,
  TENANT,
} from "./support/live-broadcast";

/**
 * Attendance from the watch page's heartbeats: a member plays a live class (the emulator's
 * simulated encoder, over HLS) long enough for two beats, then its instructor reads the
 * class's drill-down in the console.
 */

/** Half an hour from now, or less so the class still starts today in UTC, inside "Last 30 days". */
const minutesLeftToday = () => {
  const midnight = new Date();
  midnight.setUTCHours(24, 0, 0, 0);
  return Math.min(30, (midnight.getTime() - Date.now()) / 60_000 - 0.5);
};

/** The playhead moves on by a second: the video plays. */
async function expectPlaying(video: Locator) {
  await expect(video).toBeVisible({ timeout: 30_000 });
  const time = () => video.evaluate((el: HTMLVideoElement) => el.currentTime);
  const from = await time();
  await expect.poll(time, { timeout: 30_000 }).toBeGreaterThan(from + 1);
}

/** Counts the heartbeats the page has had recorded. */
function countRecordedBeats(page: Page) {
  const beats = { live: 0 };
  page.on("response", async (response) => {
    if (!response.url().includes("/trpc/portal/live.heartbeat") || !response.ok()) return;
    const body = (await response.json().catch(() => null)) as { result?: { data?: { json?: { recorded?: boolean } } } };
    if (body?.result?.data?.json?.recorded) beats.live++;
  });
  return beats;
}

/** The number a figure card shows, e.g. "1,204" -> 1204. */
async function figure(page: Page, label: string): Promise<number> {
  const text = await page.getByRole("group", { name: label, exact: true }).locator("p").first().textContent();
  return Number((text ?? "").replace(/[^\d.]/g, ""));
}

test("a member who plays a live class shows as attended, with live minutes and the peak, to its instructor", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Attendance check ${newPerson("Class").id}`;
  const instructor = await signedInContext(browser, INSTRUCTOR.email, { locale: "en-US" });
  const admin = await signedInContext(browser, ADMIN.email);
  const { context: member, person } = await newMemberContext(browser, "Attendee");
  await setTokenBalance(admin.request, person.email, 5);

  const liveClass = await createClass(instructor.request, {
    title,
    priceTokens: 3,
    startsInMinutes: minutesLeftToday(),
  });
  await memberCall(member.request, "live.enroll", { id: liveClass.id });
  await staffCall(instructor.request, "live.setBroadcastMode", { id: liveClass.id, mode: "encoder" });
  await simulateEncoder(instructor.request, liveClass.liveInputUid, "connect");
  await staffCall(instructor.request, "live.markLive", { id: liveClass.id });

  // The member plays the class for two heartbeats (one every 15 s).
  const watcher = await member.newPage();
  const beats = countRecordedBeats(watcher);
  await watcher.goto(`/${TENANT}/live/${liveClass.id}`);
  await expectPlaying(watcher.getByLabel("Live video", { exact: true }));
  await expect.poll(() => beats.live, { timeout: 60_000, intervals: [1_000] }).toBeGreaterThanOrEqual(2);

  // The instructor finds the class among theirs and opens its attendance.
  const studio = await instructor.newPage();
  await studio.goto(`/admin/t/${TENANT}`);
  await studio.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Analytics" }).click();
  const row = studio.getByRole("table", { name: "Classes of the period" }).getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("1 (1 / 0)");
  await row.getByRole("link", { name: title }).click();
  await expect(studio).toHaveURL(`/admin/t/${TENANT}/analytics/classes/${liveClass.id}?range=30`);
  await expect(studio.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const seat = studio.getByRole("table", { name: "Attendance" }).getByRole("row").filter({ hasText: person.email });
  await expect(seat).toContainText(person.name);
  const cells = seat.getByRole("cell");
  await expect(cells.nth(2)).toHaveText("3");
  await expect(cells.nth(3)).toHaveText("Yes");
  expect(Number(await cells.nth(4).textContent())).toBeGreaterThan(0);
  expect(await figure(studio, "Attended")).toBe(1);
  expect(await figure(studio, "Peak concurrent viewers")).toBeGreaterThanOrEqual(1);
  expect(await figure(studio, "Token revenue")).toBe(3);
  const chart = studio.getByRole("figure", { name: "Minutes watched per member" });
  await expect(chart.locator("path.recharts-rectangle").first()).toHaveAttribute("d", /^M ?[\d.]+,[\d.]+/);

  await simulateEncoder(instructor.request, liveClass.liveInputUid, "disconnect");
  await staffCall(instructor.request, "live.end", { id: liveClass.id });
  await Promise.all([instructor.close(), admin.close(), member.close()]);
});
