import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { newPerson } from "./support/accounts";
import { calendarUtc, parseCalendar } from "./support/calendar-file";
import {
  ADMIN,
  createClass,
  customerDomainOf,
  INSTRUCTOR,
  lifecycle,
  memberCall,
  newMemberContext,
  setTokenBalance,
  signedInContext,
  simulateEncoder,
  staffCall,
  TENANT,
} from "./support/live-broadcast";
import { BASE_URL } from "./support/server";
import { framesDecodedInPage, recordPeerConnections } from "./support/whip-whep";

/**
 * The live-class acceptance journey, as the issue tells it: "an instructor creates a class
 * priced 10 tokens; a member with 25 tokens enrolls (balance 15) and downloads the .ics
 * (checked: summary, start and end in UTC, URL, a 1-hour alarm); the instructor starts the
 * broadcast over WHIP to the emulator and the class becomes live; the member sees the badge,
 * opens the watch page and receives the instructor's video over WHEP (frames decoded, checked
 * through the video element or getStats); the instructor ends, the local recording uploads,
 * and the member sees the replay (it plays) with its expiry notice. A second class run through
 * the simulated RTMPS encoder is watched over HLS and gets Cloudflare's recording as its replay."
 */

// The instructor's console speaks Paris time; the calendar file must still say UTC.
const INSTRUCTOR_TIME_ZONE = "Europe/Paris";

// A missing button or field fails its step in half a minute, not at the end of the whole journey.
test.use({ actionTimeout: 30_000, navigationTimeout: 30_000 });

type ClassRow = { id: string; title: string; recordingUid: string | null; recordingStatus: string };
type ClassList = { live: ClassRow[]; scheduled: ClassRow[]; past: ClassRow[] };

/** How `<input type="datetime-local">` shows `date` to someone in `timeZone`. */
function wallClock(date: Date, timeZone: string) {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * Plays, as a viewer sees it: a picture, and a playhead that moves on by a second (a short
 * replay may have played to its end meanwhile). A failure shows what the element was doing.
 */
async function expectPlaying(video: Locator, timeout = 30_000) {
  await expect(video).toBeVisible({ timeout });
  const state = () =>
    video.evaluate((el: HTMLVideoElement) => ({
      width: el.videoWidth,
      time: el.currentTime,
      ended: el.ended,
      paused: el.paused,
      readyState: el.readyState,
      error: el.error?.message ?? null,
    }));
  const from = (await state()).time;
  await expect
    .poll(
      async () => {
        const now = await state();
        return now.width > 0 && (now.ended || now.time >= from + 1) ? "playing" : JSON.stringify(now);
      },
      { timeout },
    )
    .toBe("playing");
}

/**
 * Reloads until the replay is offered, with how long it stays: the recording reaches the
 * app by Cloudflare's webhook.
 */
async function expectReplayOffered(page: Page) {
  const notice = page.getByText(/^Replay available for /);
  await expect(async () => {
    await page.reload();
    await expect(notice).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 5_000] });
  await expect(notice).toHaveText(/^Replay available for .*\d.*, until .*\d/);
}

async function endClass(studio: Page, title: string) {
  await studio.getByRole("button", { name: "End class" }).click();
  const dialog = studio.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "End class" }).click();
  await expect(studio.getByText(`${title} has ended`)).toBeVisible();
}

test("a priced class broadcast from the browser, watched live over WHEP and as a replay; an encoder class over HLS", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const { id } = newPerson("Class");
  const title = `Sunset sparring ${id}`;
  const start = new Date(Date.now() + 26 * 3_600_000);
  start.setUTCMinutes(30, 0, 0);
  const end = new Date(start.getTime() + 45 * 60_000);

  const instructor = await signedInContext(browser, INSTRUCTOR.email, { timezoneId: INSTRUCTOR_TIME_ZONE });
  const admin = await signedInContext(browser, ADMIN.email);
  const { context: member, person } = await newMemberContext(browser, "Jules");
  await recordPeerConnections(member);
  await setTokenBalance(admin.request, person.email, 25);

  // The instructor schedules the class in the console.
  const studio = await instructor.newPage();
  await studio.goto(`/admin/t/${TENANT}`);
  await studio.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Live" }).click();
  await expect(studio.getByRole("heading", { name: "Live classes", level: 1 })).toBeVisible();
  await studio.getByRole("link", { name: "New class" }).click();
  await studio.getByLabel("Title").fill(title);
  await studio.getByLabel("Description").fill("Light sparring as the sun goes down.");
  await studio.getByLabel("Start", { exact: true }).fill(wallClock(start, INSTRUCTOR_TIME_ZONE));
  await studio.getByLabel("Duration (minutes)").fill("45");
  await studio.getByLabel("Price (tokens)").fill("10");
  await studio.getByRole("checkbox", { name: "Keep the recording for the catalog" }).check();
  await studio.getByRole("button", { name: "Create class" }).click();
  await expect(studio).toHaveURL(/\/admin\/t\/demo-dojo\/live\/[0-9a-f-]{36}$/);
  const classId = new URL(studio.url()).pathname.split("/").at(-1) ?? "";

  // The member enrolls from the Live page and pays 10 of their 25 tokens.
  const watcher = await member.newPage();
  await watcher.goto(`/${TENANT}`);
  await watcher.getByRole("navigation", { name: "Demo Dojo" }).getByRole("link", { name: "Live" }).click();
  await expect(watcher).toHaveURL(`/${TENANT}/live`);
  await expect(watcher.getByRole("heading", { name: "Live classes", level: 1 })).toBeVisible();
  const upcomingCard = watcher.getByRole("region", { name: "Upcoming" }).getByRole("article", { name: title });
  await upcomingCard.getByRole("button", { name: /^Enroll/ }).click();
  await expect(upcomingCard.getByText("You're enrolled")).toBeVisible();

  const downloading = watcher.waitForEvent("download");
  await upcomingCard.getByRole("button", { name: "Add to calendar" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const [event, ...others] = parseCalendar(await readFile(await download.path(), "utf8"));
  expect(others).toHaveLength(0);
  expect(event).toEqual({
    summary: title,
    start: calendarUtc(start),
    end: calendarUtc(end),
    url: `${BASE_URL}/${TENANT}/live/${classId}`,
    alarmTriggers: [-3600],
  });

  await watcher.goto(`/${TENANT}/account/tokens`);
  await expect(watcher.getByRole("region", { name: "Your balance" })).toContainText("15 tokens");

  // The instructor goes on air from the browser, which makes the class live.
  await studio.getByRole("button", { name: "Start broadcast" }).click();
  await expect(studio.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible({ timeout: 30_000 });

  // The member sees the badge and watches over WHEP.
  await watcher.goto(`/${TENANT}/live`);
  const liveCard = watcher.getByRole("region", { name: "Live now" }).getByRole("article", { name: title });
  await expect(liveCard.getByText("Live", { exact: true })).toBeVisible({ timeout: 30_000 });
  await liveCard.getByRole("link", { name: "Watch" }).click();
  await expect(watcher).toHaveURL(`/${TENANT}/live/${classId}`);
  await expectPlaying(watcher.getByLabel("Live video", { exact: true }));
  await expect.poll(() => framesDecodedInPage(watcher), { timeout: 20_000 }).toBeGreaterThan(10);

  // The instructor stops and ends the class; the page's own recording uploads and becomes the replay.
  await studio.getByRole("button", { name: "Stop broadcast" }).click();
  await expect(studio.getByRole("status").filter({ hasText: /^Stopped$/ })).toBeVisible({ timeout: 30_000 });
  await endClass(studio, title);
  await expect(studio.getByRole("progressbar", { name: "Recording upload" })).toBeVisible({ timeout: 30_000 });
  await expect(studio.getByText(/^Recording uploaded/)).toBeVisible({ timeout: 60_000 });

  await expectReplayOffered(watcher);
  await expectPlaying(watcher.getByLabel(title, { exact: true }));

  // A second class, broadcast from an encoder (the emulator's simulated RTMPS feed).
  const encoderTitle = `Open mat by encoder ${id}`;
  const encoderClass = await createClass(instructor.request, { title: encoderTitle, priceTokens: 0 });
  await staffCall(instructor.request, "live.setBroadcastMode", { id: encoderClass.id, mode: "encoder" });
  const { whipUrl } = await staffCall<{ whipUrl: string }>(
    instructor.request,
    "live.broadcast",
    { id: encoderClass.id },
    true,
  );
  await memberCall(member.request, "live.enroll", { id: encoderClass.id });
  await simulateEncoder(instructor.request, encoderClass.liveInputUid, "connect");
  const { videoUID: cloudflareRecording } = await lifecycle(
    instructor.request,
    customerDomainOf(whipUrl),
    encoderClass.liveInputUid,
  );
  expect(cloudflareRecording).toEqual(expect.any(String));

  await studio.goto(`/admin/t/${TENANT}/live/${encoderClass.id}`);
  await studio.getByRole("button", { name: "Mark live" }).click();

  await watcher.goto(`/${TENANT}/live/${encoderClass.id}`);
  await expectPlaying(watcher.getByLabel("Live video", { exact: true }));

  await simulateEncoder(instructor.request, encoderClass.liveInputUid, "disconnect");
  await endClass(studio, encoderTitle);
  await expectReplayOffered(watcher);
  await expectPlaying(watcher.getByLabel(encoderTitle, { exact: true }));
  const list = await staffCall<ClassList>(instructor.request, "live.list", {}, true);
  expect(list.past.find((row) => row.id === encoderClass.id)).toMatchObject({
    recordingUid: cloudflareRecording,
    recordingStatus: "ready",
  });

  await Promise.all([instructor.close(), admin.close(), member.close()]);
});
