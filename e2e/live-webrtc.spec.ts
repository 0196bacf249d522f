import { expect, test } from "@playwright/test";
import { newPerson } from "./support/accounts";
import {
  createClass,
  customerDomainOf,
  INSTRUCTOR,
  lifecycle,
  memberCall,
  newMemberContext,
  signedInContext,
  staffCall,
  type WatchState,
  webRtcStatus,
} from "./support/live-broadcast";
import { playOverWhep, publishOverWhip, stopWhip, whepProgress, whipProgress } from "./support/whip-whep";

type Broadcast = { whipUrl: string; status: string | null };

/**
 * Browser to browser through the Cloudflare emulator, beneath the Live pages: the
 * instructor's camera goes out over WHIP from a console page (the app's CSP in force), an
 * enrolled member's portal page plays it over WHEP, and hanging up ends it for everyone.
 */
test("an instructor's camera reaches an enrolled member's browser over WHIP and WHEP, until the instructor hangs up", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const instructor = await signedInContext(browser, INSTRUCTOR.email);
  const { context: member } = await newMemberContext(browser, "Wendy");

  const title = `Live from the browser ${newPerson("Class").id}`;
  const liveClass = await createClass(instructor.request, { title, priceTokens: 0 });
  await staffCall(instructor.request, "live.setBroadcastMode", { id: liveClass.id, mode: "webrtc" });
  const broadcast = () => staffCall<Broadcast>(instructor.request, "live.broadcast", { id: liveClass.id }, true);
  const { whipUrl } = await broadcast();
  const customerDomain = customerDomainOf(whipUrl);
  await memberCall(member.request, "live.enroll", { id: liveClass.id });

  const studio = await instructor.newPage();
  await studio.goto("/admin");
  const published = await publishOverWhip(studio, whipUrl);
  expect(published.status, published.detail).toBe(201);
  await expect
    .poll(() => webRtcStatus(studio.request, liveClass.liveInputUid), { timeout: 20_000 })
    .toEqual({ publishing: true, viewers: 0 });
  expect((await whipProgress(studio)).connectionState).toBe("connected");
  expect((await broadcast()).status).toBe("connected");
  expect(await lifecycle(studio.request, customerDomain, liveClass.liveInputUid)).toMatchObject({ live: true });

  await staffCall(instructor.request, "live.markLive", { id: liveClass.id });
  const watch = await memberCall<WatchState>(member.request, "live.watch", { id: liveClass.id }, true);
  if (!("player" in watch)) throw new Error(`the member's watch page says "${watch.state}", not live`);
  expect(watch.player.kind).toBe("whep");

  const viewer = await member.newPage();
  await viewer.goto("/demo-dojo");
  const played = await playOverWhep(viewer, watch.player.url);
  expect(played.status, played.detail).toBe(201);
  await expect.poll(async () => (await whepProgress(viewer)).framesDecoded, { timeout: 20_000 }).toBeGreaterThan(10);
  const playing = await whepProgress(viewer);
  expect(playing.connectionState).toBe("connected");
  expect(playing.videoWidth).toBeGreaterThan(0);
  expect(playing.audioSamples).toBeGreaterThan(0);
  await expect
    .poll(async () => (await whepProgress(viewer)).currentTime, { timeout: 10_000 })
    .toBeGreaterThan(playing.currentTime + 0.5);
  expect(await webRtcStatus(viewer.request, liveClass.liveInputUid)).toEqual({ publishing: true, viewers: 1 });

  expect(await stopWhip(studio)).toBe(200);
  expect(await webRtcStatus(studio.request, liveClass.liveInputUid)).toEqual({ publishing: false, viewers: 0 });
  expect((await broadcast()).status).toBe("client_disconnect");
  expect(await lifecycle(studio.request, customerDomain, liveClass.liveInputUid)).toMatchObject({ live: false });
  // The member's player loses the stream, and asking to watch again finds nothing broadcast.
  await expect
    .poll(async () => (await whepProgress(viewer)).connectionState, { timeout: 20_000 })
    .toMatch(/^(disconnected|failed|closed)$/);
  const again = await playOverWhep(viewer, watch.player.url);
  expect(again.status).toBe(409);

  await Promise.all([instructor.close(), member.close()]);
});
