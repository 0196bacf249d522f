import { z } from "zod";
import type { VideoDetail } from "../../../lib/types";

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 40;

/** "Kata, beginner,  kata" -> ["kata", "beginner"]: the server stores tags lowercased and once each. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

// The same limits and messages as videos.update on the server.
export const videoDetailsForm = z
  .object({
    title: z.string().trim().min(1, "Give the video a title").max(200, "Use at most 200 characters"),
    description: z.string().max(5000, "Use at most 5,000 characters"),
    tags: z
      .string()
      .refine((text) => parseTags(text).length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags`)
      .refine(
        (text) => parseTags(text).every((tag) => tag.length <= MAX_TAG_LENGTH),
        `Keep each tag to ${MAX_TAG_LENGTH} characters`,
      ),
    accessLevel: z.enum(["public", "members", "tier"]),
    /** "" while no tier is chosen: the tier picker works with strings. */
    requiredTierId: z.string(),
  })
  .refine((values) => values.accessLevel !== "tier" || values.requiredTierId !== "", {
    path: ["requiredTierId"],
    message: "Choose the tier this video requires.",
  });

export type VideoDetailsValues = z.output<typeof videoDetailsForm>;

export function toFormValues(video: VideoDetail): VideoDetailsValues {
  return {
    title: video.title,
    description: video.description,
    tags: video.tags.join(", "),
    accessLevel: video.accessLevel,
    requiredTierId: video.requiredTierId ?? "",
  };
}

export function toUpdateInput(id: string, values: VideoDetailsValues) {
  return {
    id,
    title: values.title,
    description: values.description,
    tags: parseTags(values.tags),
    accessLevel: values.accessLevel,
    requiredTierId: values.accessLevel === "tier" ? values.requiredTierId : null,
  };
}
