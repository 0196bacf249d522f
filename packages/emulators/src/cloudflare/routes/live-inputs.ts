import { Hono } from "hono";
import type { Env } from "../auth.ts";
import type { Emulator } from "../context.ts";
import { badRequest, notFound, ok } from "../envelope.ts";
import { randomHex } from "../ids.ts";
import { disconnect } from "../live.ts";
import { toApiLiveInput, toApiLiveInputSummary } from "../live-view.ts";
import type { LiveInput } from "../types.ts";
import {
  type Body,
  jsonBody,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  optionalStringList,
} from "../validate.ts";
import { toApiVideo } from "../video-view.ts";

export const newCredentials = (uid: string) => ({
  streamKey: `${randomHex(16)}k${uid}`,
  srtPassphrase: randomHex(32),
  webRtcSecret: `${randomHex(16)}k${uid}`,
});

/** Applies create/update fields (fact sheet §7.2); `deleteRecordingAfterDays: null` clears it. */
function applyFields(input: LiveInput, body: Body) {
  const meta = optionalObject(body, "meta");
  if (meta) input.meta = meta;
  const creator = optionalString(body, "defaultCreator", 64);
  if (creator !== undefined) input.defaultCreator = creator;
  if (body.deleteRecordingAfterDays === null) input.deleteRecordingAfterDays = null;
  else {
    const days = optionalNumber(body, "deleteRecordingAfterDays", 30, 1096);
    if (days !== undefined) input.deleteRecordingAfterDays = days;
  }
  const enabled = optionalBoolean(body, "enabled");
  if (enabled !== undefined) input.enabled = enabled;
  const lowLatency = optionalBoolean(body, "preferLowLatency");
  if (lowLatency !== undefined) input.preferLowLatency = lowLatency;
  const recording = optionalObject(body, "recording");
  if (!recording) return;
  const mode = recording.mode;
  if (mode !== undefined && mode !== "off" && mode !== "automatic")
    throw badRequest('recording.mode must be "off" or "automatic"');
  const settings = input.recording;
  if (mode) settings.mode = mode;
  settings.timeoutSeconds = optionalNumber(recording, "timeoutSeconds", 0, 86_400) ?? settings.timeoutSeconds;
  settings.requireSignedURLs = optionalBoolean(recording, "requireSignedURLs") ?? settings.requireSignedURLs;
  settings.hideLiveViewerCount = optionalBoolean(recording, "hideLiveViewerCount") ?? settings.hideLiveViewerCount;
  if (recording.allowedOrigins === null) settings.allowedOrigins = null;
  else settings.allowedOrigins = optionalStringList(recording, "allowedOrigins") ?? settings.allowedOrigins;
}

export function liveInputRoutes(emu: Emulator) {
  const app = new Hono<Env>();
  const find = (accountId: string, uid: string) => {
    const input = emu.store.liveInput(accountId, uid);
    if (!input) throw notFound("Live input not found");
    return input;
  };

  app.post("/", async (c) => {
    const uid = randomHex(16);
    const now = emu.clock.stamp();
    const input: LiveInput = {
      uid,
      accountId: c.get("account").id,
      created: now,
      modified: now,
      meta: {},
      defaultCreator: null,
      deleteRecordingAfterDays: null,
      enabled: true,
      preferLowLatency: false,
      recording: {
        mode: "off",
        timeoutSeconds: 0,
        requireSignedURLs: false,
        allowedOrigins: null,
        hideLiveViewerCount: false,
      },
      ...newCredentials(uid),
      keysRotatedAt: null,
      status: null,
      session: null,
      viewers: 0,
    };
    applyFields(input, await jsonBody(c.req));
    emu.store.state.liveInputs.push(input);
    emu.store.changed();
    return ok(c, toApiLiveInput(emu, input));
  });

  app.get("/", (c) => {
    const inputs = emu.store.state.liveInputs.filter((l) => l.accountId === c.get("account").id);
    return ok(c, { liveInputs: inputs.map(toApiLiveInputSummary), range: 0, total: inputs.length });
  });

  app.get("/:uid", (c) => ok(c, toApiLiveInput(emu, find(c.get("account").id, c.req.param("uid")))));

  app.put("/:uid", async (c) => {
    const input = find(c.get("account").id, c.req.param("uid"));
    applyFields(input, await jsonBody(c.req));
    input.modified = emu.clock.stamp();
    emu.store.changed();
    return ok(c, toApiLiveInput(emu, input));
  });

  app.delete("/:uid", (c) => {
    const input = find(c.get("account").id, c.req.param("uid"));
    if (input.session) disconnect(emu, input);
    emu.store.state.liveInputs = emu.store.state.liveInputs.filter((l) => l !== input);
    emu.store.changed();
    return c.body(null, 200);
  });

  app.get("/:uid/videos", (c) => {
    const input = find(c.get("account").id, c.req.param("uid"));
    const videos = emu.store.state.videos.filter((v) => v.liveInput === input.uid);
    return ok(
      c,
      videos.map((video) => toApiVideo(emu, video)),
    );
  });

  // Revokes the old credentials and drops a broadcast using them (changelog 2026-07-30).
  app.post("/:uid/rotate_keys", (c) => {
    const input = find(c.get("account").id, c.req.param("uid"));
    if (input.session) disconnect(emu, input);
    Object.assign(input, newCredentials(input.uid), { keysRotatedAt: emu.clock.stamp(), modified: emu.clock.stamp() });
    emu.store.changed();
    return ok(c, toApiLiveInput(emu, input));
  });
  return app;
}
