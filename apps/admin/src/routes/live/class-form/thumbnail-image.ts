export const THUMBNAIL_TYPES = ["image/jpeg", "image/png", "image/webp"];
const MAX_WIDTH = 1280;
const MAX_HEIGHT = 720;
// 0.85 first; a very detailed picture may need less to stay under the API's limit.
const JPEG_QUALITIES = [0.85, 0.7, 0.55];
const MAX_BASE64_LENGTH = 960_000;
// Larger files are photos straight off a camera; reading them would stall the page.
const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

export type PreparedThumbnail = {
  /** Base64 of the JPEG, without a data: prefix, as the API takes it. */
  data: string;
  previewUrl: string;
};

export class ThumbnailError extends Error {}

function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new ThumbnailError("The image could not be read."));
    reader.readAsDataURL(blob);
  });
}

/**
 * Shrinks the image in the browser to at most 1280×720 and re-encodes it as a JPEG, so the
 * upload is small whatever was chosen. Transparent areas become white rather than black.
 */
export async function prepareThumbnail(file: File): Promise<PreparedThumbnail> {
  if (!THUMBNAIL_TYPES.includes(file.type)) throw new ThumbnailError("Choose a JPEG, PNG or WebP image.");
  if (file.size > MAX_SOURCE_BYTES) throw new ThumbnailError("Choose an image smaller than 25 MB.");
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ThumbnailError("This image could not be opened. Choose another one.");
  }
  const scale = Math.min(1, MAX_WIDTH / bitmap.width, MAX_HEIGHT / bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new ThumbnailError("This browser cannot resize images.");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of JPEG_QUALITIES) {
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
    if (!jpeg) throw new ThumbnailError("The image could not be converted. Choose another one.");
    const data = await toBase64(jpeg);
    if (data.length <= MAX_BASE64_LENGTH) return { data, previewUrl: URL.createObjectURL(jpeg) };
  }
  throw new ThumbnailError("This image stays too large even when resized. Choose a simpler one.");
}
