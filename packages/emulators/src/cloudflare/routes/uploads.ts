import { mkdir, writeFile } from "node:fs/promises";
import { Hono } from "hono";
import { cors } from "hono/cors";
import type { Env } from "../auth.ts";
import type { Emulator } from "../context.ts";
import { ApiError, badRequest, codes, ok } from "../envelope.ts";
import { processVideo, sourceFile } from "../processing.ts";
import type { Tus } from "../tus.ts";
import type { Video } from "../types.ts";
import { uploadBaseUrl } from "../urls.ts";
import { jsonBody } from "../validate.ts";
import { assertStorage, createVideo, uploadExpiry, uploadFields } from "../video-factory.ts";
import { toApiVideo } from "../video-view.ts";

/** Basic and direct creator uploads are single POSTs, capped at 200 MB (fact sheet §3.4, §3.5). */
const maxPostBytes = 200 * 1024 * 1024;

async function readFilePart(request: Request): Promise<File> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxPostBytes)
    throw new ApiError(413, codes.badRequest, "File exceeds the 200 MB limit: use a tus upload");
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw badRequest("Send multipart/form-data with the video in the field `file`");
  if (file.size > maxPostBytes)
    throw new ApiError(413, codes.badRequest, "File exceeds the 200 MB limit: use a tus upload");
  return file;
}

export async function acceptFile(emu: Emulator, video: Video, file: File) {
  await mkdir(emu.store.paths.video(video.uid), { recursive: true });
  await writeFile(sourceFile(emu, video.uid), Buffer.from(await file.arrayBuffer()));
  const meta = { ...video.meta };
  if (file.name && meta.name === undefined) meta.name = file.name;
  if (file.name) meta.filename = file.name;
  if (file.type) meta.filetype = file.type;
  Object.assign(video, { uploaded: emu.clock.stamp(), size: file.size, meta });
  emu.timers.after(0, () => processVideo(emu, video));
}

/** Authenticated upload entry points under `/accounts/{id}/stream`. */
export function uploadRoutes(emu: Emulator, tus: Tus) {
  const app = new Hono<Env>();

  app.post("/direct_upload", async (c) => {
    const body = await jsonBody(c.req);
    if (body.maxDurationSeconds === undefined) throw badRequest("maxDurationSeconds is required");
    const fields = uploadFields(emu, body, c.req.header("upload-creator"));
    assertStorage(emu, c.get("account"), fields.maxDurationSeconds ?? 0);
    const video = createVideo(emu, c.get("account").id, {
      ...fields,
      uploadKind: "direct",
      uploadExpiry: uploadExpiry(emu, body),
    });
    return ok(c, {
      uploadURL: `${uploadBaseUrl(emu.baseUrl)}/${video.uid}`,
      uid: video.uid,
      ...(video.scheduledDeletion ? { scheduledDeletion: video.scheduledDeletion } : {}),
      watermark: null,
    });
  });

  app.post("/", async (c) => {
    const account = c.get("account");
    if (c.req.header("tus-resumable")) return tus.create(c.req.raw, account, c.req.query("direct_user") === "true");
    const file = await readFilePart(c.req.raw);
    assertStorage(emu, account, 0);
    const video = createVideo(emu, account.id, {
      uploadKind: "basic",
      ...uploadFields(emu, {}, c.req.header("upload-creator")),
    });
    await acceptFile(emu, video, file);
    return ok(c, toApiVideo(emu, video));
  });

  // tus PATCH/HEAD for uploads created with an API token land on the API's own video URL (fact sheet §3.6).
  // Hono routes HEAD as GET, so a tus HEAD arrives here and must skip the video GET.
  app.patch("/:uid", (c) => tus.handle(c.req.raw));
  app.get("/:uid", (c, next) => (c.req.header("tus-resumable") ? tus.handle(c.req.raw) : next()));
  return app;
}

/** The unauthenticated upload host: direct creator POSTs and creator tus uploads. */
export function publicUploadRoutes(emu: Emulator, tus: Tus) {
  const app = new Hono();
  // GET covers HEAD (Hono routes HEAD as GET; the raw request keeps its method for tus).
  app.on(["GET", "PATCH", "OPTIONS"], "/tus/:uid", (c) => tus.handle(c.req.raw));
  app.use("/:uid", cors({ origin: (origin) => origin || "*", allowMethods: ["POST", "OPTIONS"], maxAge: 600 }));
  app.post("/:uid", async (c) => {
    const video = emu.store.state.videos.find((v) => v.uid === c.req.param("uid") && v.uploadKind === "direct");
    if (!video) return c.text("Upload URL not found", 404);
    // `uploaded` is set as the file is accepted; `state` moves only when processing starts, a tick later.
    if (video.state !== "pendingupload" || video.uploaded) return c.text("This upload URL has already been used", 409);
    if (video.uploadExpiry && Date.parse(video.uploadExpiry) <= emu.clock.now().getTime()) {
      return c.text("This upload URL has expired", 410);
    }
    const file = await readFilePart(c.req.raw).catch((error: unknown) => error);
    if (file instanceof ApiError) return c.text(file.message, file.status);
    if (!(file instanceof File)) throw file;
    await acceptFile(emu, video, file);
    return c.body(null, 200);
  });
  return app;
}
