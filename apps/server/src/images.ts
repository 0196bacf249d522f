import { readImage } from "@marquee/api";
import type { DatabaseHandle } from "@marquee/db";
import type { Hono } from "hono";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /api/images/:id`: uploaded thumbnails and posters. An image never changes (a new
 * upload is a new id), so it may be cached for a year; nosniff keeps it an image.
 */
export function mountImages(app: Hono, deps: { database: DatabaseHandle }) {
  app.get("/api/images/:id", async (c) => {
    const id = c.req.param("id");
    const image = UUID.test(id) ? await readImage(deps.database.db, id) : null;
    if (!image) return c.json({ error: { message: "Not found." } }, 404);
    return c.body(new Uint8Array(image.bytes), 200, {
      "content-type": image.contentType,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    });
  });
}
