import { rm } from "node:fs/promises";
import { Hono } from "hono";
import type { Env } from "../auth.ts";
import type { Emulator } from "../context.ts";
import { badRequest, notFound, ok } from "../envelope.ts";
import { toMicros } from "../ids.ts";
import type { Video } from "../types.ts";
import { checkScheduledDeletion, jsonBody, optionalDate, optionalObject, optionalString } from "../validate.ts";
import { commonVideoFields, storageUsage } from "../video-factory.ts";
import { toApiVideo } from "../video-view.ts";

type Query = (key: string) => string | undefined;

const list = (value: string | undefined) => (value ? value.split(",").map((item) => item.trim()) : null);

/** The SDK's `StreamListParams` (fact sheet §3.2); `range` is what remains beyond the returned page. */
function filterVideos(videos: Video[], query: Query) {
  const status = query("status");
  const creator = query("creator");
  const type = query("type");
  const search = query("search")?.toLowerCase();
  const after = query("start") ?? query("after");
  const before = query("end") ?? query("before");
  const ids = list(query("id"));
  const names = list(query("name"));
  const videoName = query("video_name");
  const liveInputId = query("live_input_id");
  const name = (video: Video) => (typeof video.meta.name === "string" ? video.meta.name : "");
  return videos.filter(
    (video) =>
      (!status || video.state === status) &&
      (!creator || video.creator === creator) &&
      (!type || (type === "live") === (video.liveInput !== null)) &&
      (!search || name(video).toLowerCase().includes(search)) &&
      (!after || toMicros(video.created) > toMicros(after)) &&
      (!before || toMicros(video.created) < toMicros(before)) &&
      (!ids || ids.includes(video.uid)) &&
      (!names || names.includes(name(video)) || names.includes(video.uid)) &&
      (!videoName || name(video) === videoName) &&
      (!liveInputId || video.liveInput === liveInputId),
  );
}

export function videoRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  const find = (accountId: string, uid: string) => {
    const video = emu.store.video(accountId, uid);
    if (!video) throw notFound();
    return video;
  };

  app.get("/", (c) => {
    const query: Query = (key) => c.req.query(key);
    const asc = query("asc") === "true";
    const limit = Math.min(Math.max(Number(query("limit") ?? 1000) || 1000, 1), 1000);
    const matched = filterVideos(
      emu.store.state.videos.filter((v) => v.accountId === c.get("account").id),
      query,
    ).sort((a, b) => (asc ? 1 : -1) * (toMicros(a.created) - toMicros(b.created)));
    const page = matched.slice(0, limit);
    return ok(
      c,
      page.map((video) => toApiVideo(emu, video)),
      { range: matched.length - page.length, total: matched.length },
    );
  });

  app.get("/storage-usage", (c) => {
    const account = c.get("account");
    const creator = c.req.query("creator");
    const usage = storageUsage(emu, account.id, creator);
    return ok(c, {
      ...(creator ? { creator } : {}),
      totalStorageMinutes: usage.minutes,
      totalStorageMinutesLimit: account.storageLimitMinutes,
      videoCount: usage.videoCount,
    });
  });

  app.get("/:uid", (c) => ok(c, toApiVideo(emu, find(c.get("account").id, c.req.param("uid")))));

  app.post("/:uid", async (c) => {
    const video = find(c.get("account").id, c.req.param("uid"));
    const body = await jsonBody(c.req);
    const uid = optionalString(body, "uid");
    if (uid !== undefined && uid !== video.uid)
      throw badRequest("uid in the body does not match the video in the path");
    const patch = commonVideoFields(body);
    const uploadExpiry = optionalDate(body, "uploadExpiry");
    if (uploadExpiry !== undefined) patch.uploadExpiry = uploadExpiry;
    const publicDetails = optionalObject(body, "publicDetails");
    if (publicDetails) patch.publicDetails = { ...video.publicDetails, ...publicDetails };
    // Omitted: unchanged; null: cleared (fact sheet §3.8).
    const scheduledDeletion = optionalDate(body, "scheduledDeletion");
    checkScheduledDeletion(scheduledDeletion, video.uploaded ?? video.created);
    if (scheduledDeletion !== undefined) patch.scheduledDeletion = scheduledDeletion;
    Object.assign(video, patch, { modified: emu.clock.stamp() });
    emu.store.changed();
    return ok(c, toApiVideo(emu, video));
  });

  app.delete("/:uid", async (c) => {
    const video = find(c.get("account").id, c.req.param("uid"));
    emu.store.state.videos = emu.store.state.videos.filter((v) => v !== video);
    emu.store.changed();
    await rm(emu.store.paths.video(video.uid), { recursive: true, force: true });
    return c.body(null, 200);
  });

  return app;
}
