import { type DbOrTx, type ImageContentType, images } from "@marquee/db";
import { eq } from "drizzle-orm";
import { AppError } from "../errors";

/** The largest image we keep: a thumbnail, downscaled in the browser before upload. */
export const MAX_IMAGE_BYTES = 700 * 1024;

/** Where the server serves an image (immutable: a new image gets a new id). */
export const imageUrl = (id: string) => `/api/images/${id}`;

const SIGNATURES: { type: ImageContentType; matches: (b: Uint8Array) => boolean }[] = [
  { type: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/png",
    matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
  },
  {
    type: "image/webp",
    matches: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  },
];

function ascii(bytes: Uint8Array, start: number, end: number) {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/**
 * Decodes and checks an uploaded image: the bytes must be a JPEG, PNG or WebP (by their
 * signature, whatever the client claims) and small enough for a thumbnail.
 */
export function parseImage(base64: string): { contentType: ImageContentType; bytes: Uint8Array } {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "The image is empty.", { field: "thumbnail" });
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw new AppError("BAD_REQUEST", "The image is too large: choose one under 700 KB.", { field: "thumbnail" });
  }
  const kind = SIGNATURES.find((s) => s.matches(bytes));
  if (!kind) throw new AppError("BAD_REQUEST", "Choose a JPEG, PNG or WebP image.", { field: "thumbnail" });
  return { contentType: kind.type, bytes: new Uint8Array(bytes) };
}

export async function storeImage(db: DbOrTx, tenantId: string, image: ReturnType<typeof parseImage>) {
  const [row] = await db
    .insert(images)
    .values({ tenantId, contentType: image.contentType, bytes: image.bytes, byteSize: image.bytes.byteLength })
    .returning({ id: images.id });
  if (!row) throw new AppError("INTERNAL", "The image was not saved.");
  return row.id;
}

/** A copy for another owner (a catalog video made from a class), so each can be replaced alone. */
export async function copyImage(db: DbOrTx, imageId: string): Promise<string | null> {
  const [source] = await db.select().from(images).where(eq(images.id, imageId));
  if (!source) return null;
  return storeImage(db, source.tenantId, { contentType: source.contentType, bytes: source.bytes });
}

export async function deleteImage(db: DbOrTx, imageId: string) {
  await db.delete(images).where(eq(images.id, imageId));
}

export async function readImage(db: DbOrTx, imageId: string) {
  const [row] = await db
    .select({ contentType: images.contentType, bytes: images.bytes })
    .from(images)
    .where(eq(images.id, imageId));
  return row ?? null;
}
