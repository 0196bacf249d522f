import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import type { Emulator } from "./context.ts";
import { badRequest } from "./envelope.ts";
import { randomHex } from "./ids.ts";
import { processVideo, sourceFile } from "./processing.ts";
import type { Account, Video } from "./types.ts";
import { apiBaseUrl, uploadBaseUrl } from "./urls.ts";
import type { Body } from "./validate.ts";
import { assertStorage, createVideo, uploadExpiry, uploadFields } from "./video-factory.ts";

type Creation = { account: Account; uid: string; directUser: boolean; fields: Partial<Video> };

/** Cloudflare's docs put spaces after the commas, which the tus spec (and @tus/server) rejects: drop them. */
export const normalizeMetadata = (header: string) =>
  header
    .split(",")
    .map((pair) => pair.trim())
    .join(",");

/** Decodes `Upload-Metadata` into the same fields a direct_upload body carries (fact sheet §3.6). */
export function metadataFields(
  emu: Emulator,
  header: string | undefined,
  directUser: boolean,
  creator: string | undefined,
) {
  const body: Body = {};
  const meta: Record<string, unknown> = {};
  for (const pair of header ? normalizeMetadata(header).split(",") : []) {
    const [key = "", encoded] = pair.split(" ");
    const value = encoded === undefined ? null : Buffer.from(encoded, "base64").toString("utf8");
    const known = key.toLowerCase();
    if (known === "name") meta.name = value;
    else if (known === "requiresignedurls") body.requireSignedURLs = true;
    else if (known === "allowedorigins") body.allowedOrigins = (value ?? "").split(",").filter(Boolean);
    else if (known === "thumbnailtimestamppct") body.thumbnailTimestampPct = Number(value);
    else if (known === "maxdurationseconds") body.maxDurationSeconds = Number(value);
    else if (known === "scheduleddeletion") body.scheduledDeletion = value;
    else if (known === "expiry") body.expiry = value;
    else if (known !== "watermark") meta[key] = value;
  }
  if (Object.keys(meta).length > 0) body.meta = meta;
  const fields = uploadFields(emu, body, creator);
  if (directUser) fields.uploadExpiry = uploadExpiry(emu, body);
  return fields;
}

export function createTus(emu: Emulator) {
  const creations = new WeakMap<Request, Creation>();
  const server = new Server({
    path: "/upload/tus",
    datastore: new FileStore({ directory: emu.store.paths.tus }),
    maxSize: 30 * 1024 ** 3,
    // An interrupted PATCH keeps its lock until drained; keep that short so the client's resume (HEAD) is prompt.
    lockDrainTimeout: 500,
    exposedHeaders: ["stream-media-id"],
    namingFunction: (req) => {
      const creation = creations.get(req);
      if (!creation) throw { status_code: 400, body: "Uploads are created through the Stream API\n" };
      return creation.uid;
    },
    generateUrl: (req, { id }) => {
      const creation = creations.get(req);
      if (creation?.directUser !== false) return `${uploadBaseUrl(emu.baseUrl)}/tus/${id}?tusv2=true`;
      return `${apiBaseUrl(emu.baseUrl)}/accounts/${creation.account.id}/stream/${id}`;
    },
    getFileIdFromRequest: (req) => /([0-9a-f]{32})\/?$/.exec(new URL(req.url).pathname)?.[1],
    onUploadCreate: async (req, upload) => {
      const creation = creations.get(req);
      if (!creation) throw { status_code: 400, body: "Unknown upload\n" };
      createVideo(emu, creation.account.id, {
        ...creation.fields,
        uid: upload.id,
        uploadKind: "tus",
        size: upload.size ?? null,
      });
      return {};
    },
    onIncomingRequest: async (req, id) => {
      if (req.method === "POST") return;
      const video = emu.store.state.videos.find((v) => v.uid === id);
      if (video?.state !== "pendingupload") throw { status_code: 404, body: "Upload not found\n" };
      if (video.uploadExpiry && Date.parse(video.uploadExpiry) <= emu.clock.now().getTime()) {
        throw { status_code: 410, body: "Upload URL expired\n" };
      }
    },
    onUploadFinish: async (_req, upload) => {
      const video = emu.store.state.videos.find((v) => v.uid === upload.id);
      const file = join(emu.store.paths.tus, upload.id);
      if (!video) {
        await rm(file, { force: true });
      } else {
        await mkdir(emu.store.paths.video(video.uid), { recursive: true });
        await rename(file, sourceFile(emu, video.uid));
        Object.assign(video, { uploaded: emu.clock.stamp(), size: upload.size ?? video.size });
        emu.timers.after(0, () => processVideo(emu, video));
      }
      await rm(`${file}.json`, { force: true });
      return {};
    },
  });

  return {
    /** `POST /accounts/{id}/stream` with `Tus-Resumable`: 201, `Location`, `stream-media-id`. */
    async create(request: Request, account: Account, directUser: boolean): Promise<Response> {
      const metadata = request.headers.get("upload-metadata") ?? undefined;
      const fields = metadataFields(emu, metadata, directUser, request.headers.get("upload-creator") ?? undefined);
      const length = Number(request.headers.get("upload-length"));
      if (!Number.isInteger(length) || length < 0) throw badRequest("Upload-Length must be the file size in bytes");
      assertStorage(emu, account, fields.maxDurationSeconds ?? 0);
      const headers = new Headers(request.headers);
      if (metadata) headers.set("upload-metadata", normalizeMetadata(metadata));
      const init: RequestInit & { duplex: "half" } = { method: "POST", headers, body: request.body, duplex: "half" };
      const forwarded = new Request(request.url, init);
      const uid = randomHex(16);
      creations.set(forwarded, { account, uid, directUser, fields });
      const response = await server.handleWeb(forwarded);
      if (response.status === 201) response.headers.set("stream-media-id", uid);
      return response;
    },
    handle: (request: Request) => server.handleWeb(request),
  };
}

export type Tus = ReturnType<typeof createTus>;
