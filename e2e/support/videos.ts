import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type APIRequestContext, expect } from "@playwright/test";
import { BASE_URL } from "./server";

const CLIP = resolve("packages/emulators/fixtures/lesson-4s.mp4");

type VideoSpec = {
  title: string;
  description: string;
  tags: string[];
  captions: { language: string; label: string; vtt: string }[];
} & ({ accessLevel: "public" | "members" } | { accessLevel: "tier"; requiredTierId: string });

/** A tRPC call to the console API for one organization, the way the console makes it. */
async function adminCall<T>(
  request: APIRequestContext,
  tenantSlug: string,
  path: string,
  input: Record<string, unknown>,
  method: "query" | "mutation" = "mutation",
): Promise<T> {
  const headers = { Origin: BASE_URL, "x-tenant": tenantSlug };
  const url = `/trpc/admin/${path}`;
  const response =
    method === "query"
      ? await request.get(`${url}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers })
      : await request.post(url, { data: { json: input }, headers });
  expect(response.ok(), `${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  const body = (await response.json()) as { result: { data: { json: T } } };
  return body.result.data.json;
}

/**
 * Uploads the committed 4-second clip to the Cloudflare emulator through the console API
 * (as an owner or admin of the tenant), waits until it is ready, then describes it.
 */
export async function createReadyVideo(request: APIRequestContext, tenantSlug: string, spec: VideoSpec) {
  const file = await readFile(CLIP);
  const upload = await adminCall<{ videoId: string; uploadUrl: string; kind: string }>(
    request,
    tenantSlug,
    "videos.createUpload",
    {
      title: spec.title,
      fileName: "lesson.mp4",
      sizeBytes: file.byteLength,
      mimeType: "video/mp4",
      accessLevel: spec.accessLevel,
    },
  );
  expect(upload.kind).toBe("direct");
  const sent = await request.post(upload.uploadUrl, {
    multipart: { file: { name: "lesson.mp4", mimeType: "video/mp4", buffer: file } },
  });
  expect(sent.ok(), `upload answered ${sent.status()}`).toBe(true);

  await expect
    .poll(
      async () =>
        (await adminCall<{ status: string }>(request, tenantSlug, "videos.byId", { id: upload.videoId }, "query"))
          .status,
      { timeout: 60_000, intervals: [500, 1000] },
    )
    .toBe("ready");

  await adminCall(request, tenantSlug, "videos.update", {
    id: upload.videoId,
    description: spec.description,
    tags: spec.tags,
    // A tier is set on the saved video, as the console's detail page does.
    ...(spec.accessLevel === "tier" ? { accessLevel: "tier", requiredTierId: spec.requiredTierId } : {}),
  });
  for (const caption of spec.captions) {
    await adminCall(request, tenantSlug, "videos.captions.upload", { videoId: upload.videoId, ...caption });
  }
  return upload.videoId;
}

/** The id of one of the tenant's tiers, by name (e.g. the demo's "Premium"). */
export async function findTierId(request: APIRequestContext, tenantSlug: string, name: string): Promise<string> {
  const tiers = await adminCall<{ id: string; name: string }[]>(request, tenantSlug, "tiers.list", {}, "query");
  const tier = tiers.find((candidate) => candidate.name === name);
  if (!tier) throw new Error(`${tenantSlug} has no tier named ${name}`);
  return tier.id;
}

/** A WebVTT track with one cue over the whole clip. */
export function oneCueVtt(text: string): string {
  return `WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n${text}\n`;
}
