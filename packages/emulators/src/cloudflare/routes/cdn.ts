import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { recordDelivery } from "../analytics.ts";
import { playableOf, resolveTarget } from "../cdn-access.ts";
import type { Emulator } from "../context.ts";
import { masterPlaylist, mediaPlaylist, segmentFile, subtitlePlaylist } from "../hls.ts";
import { iframePage } from "../iframe.ts";
import { defaultTime, thumbnail } from "../thumbnails.ts";
import { captionFile } from "./captions.ts";
import { signallingCors, webRtcRoutes } from "./webrtc.ts";

const m3u8 = { "content-type": "application/vnd.apple.mpegurl", "cache-control": "no-cache" };

const fileResponse = (path: string, type: string) =>
  new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, { headers: { "content-type": type } });

/** The customer domain: `/cdn/customer-<code>/<uid | input uid | token>/...` (fact sheet §4, §7.5). */
export function cdnRoutes(emu: Emulator) {
  const app = new Hono();
  const playbackCors = cors({ origin: (origin) => origin || "*", exposeHeaders: ["Content-Length"] });
  app.use("*", (c, next) => (c.req.path.includes("/webRTC/") ? signallingCors(c, next) : playbackCors(c, next)));

  const target = async (c: Context, requireSigning = true) => {
    const outcome = await resolveTarget(emu, c, { requireSigning });
    return "status" in outcome ? c.text(outcome.message, outcome.status) : outcome;
  };

  app.get("/:customer/:id/manifest/*", async (c) => {
    const found = await target(c);
    if (found instanceof Response) return found;
    const file = c.req.path.slice(c.req.path.lastIndexOf("/manifest/") + "/manifest/".length);
    if (file === "video.mpd") return c.text("DASH is not emulated: use the HLS manifest", 501);
    const playable = await playableOf(emu, found);
    // A live input's manifest answers 204 while nothing is live (fact sheet §4).
    if (!playable) return found.input ? c.body(null, 204) : c.text("Video is not ready", 404);
    if (file === "video.m3u8") return c.body(await masterPlaylist(emu, playable), 200, m3u8);
    if (file === "stream.m3u8") return c.body(await mediaPlaylist(emu, playable), 200, m3u8);
    const segment = /^seg\/(\d+)\.ts$/.exec(file);
    if (segment) {
      const served = await segmentFile(emu, playable, Number(segment[1]));
      if (!served) return c.text("Segment not found", 404);
      // Cloudflare bills delivery per segment request, by the segment's length; playlists are free.
      recordDelivery(emu, found.account.id, playable.uid, served.duration / 60);
      return fileResponse(served.path, "video/mp2t");
    }
    const subs = /^subs\/([\w-]+)\.(m3u8|vtt)$/.exec(file);
    const caption = subs && playable.captions.find((cap) => cap.language === subs[1] && cap.status === "ready");
    if (subs && caption) {
      if (subs[2] === "m3u8") return c.body(subtitlePlaylist(playable, caption.language), 200, m3u8);
      const text = await readFile(captionFile(emu, playable.uid, caption.language), "utf8");
      return c.body(text, 200, { "content-type": "text/vtt; charset=utf-8" });
    }
    return c.text("Not found", 404);
  });

  app.get("/:customer/:id/thumbnails/:file", async (c) => {
    const found = await target(c);
    if (found instanceof Response) return found;
    const file = c.req.param("file");
    if (file !== "thumbnail.jpg" && file !== "thumbnail.gif") return c.text("Not found", 404);
    const playable = await playableOf(emu, found);
    if (!playable) return c.text("Video is not ready", 404);
    const pct = found.video?.thumbnailTimestampPct ?? 0;
    const query = (key: string) =>
      c.req.query(key) ?? (key === "time" ? defaultTime(pct, playable.duration) : undefined);
    const path = await thumbnail(emu, playable, query, file === "thumbnail.gif");
    return fileResponse(path, file.endsWith(".gif") ? "image/gif" : "image/jpeg");
  });

  for (const page of ["iframe", "watch"]) {
    app.get(`/:customer/:id/${page}`, async (c) => {
      const found = await target(c);
      if (found instanceof Response) return found;
      return c.html(iframePage(found.video?.meta.name, (key) => c.req.query(key)));
    });
  }

  app.get("/:customer/:id/lifecycle", async (c) => {
    const found = await target(c, false);
    if (found instanceof Response) return found;
    if (found.input) {
      const session = found.input.session;
      return c.json({ isInput: true, videoUID: session?.videoUid ?? null, live: session !== null });
    }
    const video = found.video;
    return c.json({ isInput: false, videoUID: video?.uid ?? null, live: video?.state === "live-inprogress" });
  });

  app.get("/:customer/:id/views", async (c) => {
    const found = await target(c, false);
    if (found instanceof Response) return found;
    const inputUid = found.input?.uid ?? found.video?.liveInput;
    const input = inputUid ? emu.store.liveInput(found.account.id, inputUid) : undefined;
    return c.json({ liveViewers: input?.session ? input.viewers : 0 });
  });

  app.route("/", webRtcRoutes(emu));
  return app;
}
