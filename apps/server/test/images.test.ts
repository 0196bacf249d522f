import { createTenant } from "@marquee/api/testing";
import { images } from "@marquee/db";
import { getTestDatabase } from "@marquee/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "./support/test-app";

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  app = await createTestApp();
});

describe("GET /api/images/:id", () => {
  it("serves an uploaded image with its type, cacheable forever and never sniffed", async () => {
    const tenant = await createTenant();
    const db = (await getTestDatabase()).db;
    const [row] = await db
      .insert(images)
      .values({ tenantId: tenant.id, contentType: "image/png", bytes: new Uint8Array(PNG), byteSize: PNG.byteLength })
      .returning({ id: images.id });
    const response = await app.request(`/api/images/${row?.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await app.request(`/api/images/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await app.request("/api/images/not-a-uuid")).status).toBe(404);
  });
});
