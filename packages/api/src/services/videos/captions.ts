import { captions, type Db, videos } from "@marquee/db";
import { and, eq } from "drizzle-orm";
import { AppError } from "../../errors";
import { isWebVtt } from "../../validators";
import type { CloudflareDeps } from "../cloudflare/environment";
import { toAppError } from "../cloudflare/environment";
import { resolveConnectionClient } from "../cloudflare/resolve";

type Deps = CloudflareDeps & { db: Db };

async function videoOf(db: Db, tenantId: string, videoId: string) {
  const [video] = await db
    .select({ id: videos.id, uid: videos.cloudflareUid, connectionId: videos.connectionId })
    .from(videos)
    .where(and(eq(videos.id, videoId), eq(videos.tenantId, tenantId)));
  if (!video) throw new AppError("NOT_FOUND", "This video does not exist in this organization.");
  return video;
}

/** Uploads (or replaces) the track for a language on Cloudflare, then records it. */
export async function uploadCaption(
  deps: Deps,
  tenantId: string,
  input: { videoId: string; language: string; label: string; vtt: string },
) {
  if (!isWebVtt(input.vtt)) {
    throw new AppError("BAD_REQUEST", "This file is not WebVTT: it must start with WEBVTT and contain timed cues.", {
      field: "vtt",
    });
  }
  const video = await videoOf(deps.db, tenantId, input.videoId);
  const client = await resolveConnectionClient(deps, video.connectionId);
  try {
    await client.uploadCaption(video.uid, input.language, input.vtt);
  } catch (error) {
    throw toAppError(error);
  }
  await deps.db
    .insert(captions)
    .values({ tenantId, videoId: video.id, language: input.language, label: input.label })
    .onConflictDoUpdate({ target: [captions.videoId, captions.language], set: { label: input.label } });
  return { language: input.language, label: input.label };
}

export async function removeCaption(deps: Deps, tenantId: string, input: { videoId: string; language: string }) {
  const video = await videoOf(deps.db, tenantId, input.videoId);
  const client = await resolveConnectionClient(deps, video.connectionId);
  try {
    await client.deleteCaption(video.uid, input.language);
  } catch (error) {
    throw toAppError(error);
  }
  await deps.db
    .delete(captions)
    .where(and(eq(captions.videoId, video.id), eq(captions.tenantId, tenantId), eq(captions.language, input.language)));
  return { language: input.language };
}
