import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser, getTestCloudflare, getTestStripe, testSecrets } from "@marquee/api/testing";
import { getTestDatabase } from "@marquee/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createLogger } from "../src/logger";

const ORIGIN = "http://marquee.test";
let app: ReturnType<typeof createApp>;

function makeDist(marker: string) {
  const dir = mkdtempSync(join(tmpdir(), `marquee-${marker}-`));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>${marker}</title>`);
  writeFileSync(join(dir, "assets", "app-abc123.js"), `console.log("${marker}")`);
  return dir;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", host: "marquee.test", origin: ORIGIN, ...headers },
    body: typeof body === "string" ? body : JSON.stringify({ json: body }),
  });
}

beforeAll(async () => {
  app = createApp({
    database: await getTestDatabase(),
    logger: createLogger("silent"),
    publicUrl: ORIGIN,
    trustProxy: true,
    secrets: testSecrets,
    cloudflare: (await getTestCloudflare()).environment,
    billing: (await getTestStripe()).environment,
    spa: { portalDist: makeDist("portal"), adminDist: makeDist("admin") },
  });
});

describe("server", () => {
  it("answers /healthz when the database is reachable", async () => {
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("sends security headers", async () => {
    const res = await app.request("/healthz");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("refuses a state-changing request from a foreign origin with 403", async () => {
    const input = { email: "someone@example.com", password: "whatever" };
    expect((await post("/trpc/portal/auth.signIn", input, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post("/trpc/portal/auth.signIn", input, { origin: "", "sec-fetch-site": "cross-site" })).status).toBe(
      403,
    );
    // Same origin reaches the procedure (and fails there, on the credentials).
    expect((await post("/trpc/portal/auth.signIn", input)).status).toBe(401);
  });

  it("answers bad input with 400 and field errors, never 500", async () => {
    const invalid = await post("/trpc/portal/auth.signUp", { name: "A", email: "nope", password: "short" });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { json: { data: { fieldErrors: Record<string, string[]> } } } };
    expect(body.error.json.data.fieldErrors).toMatchObject({
      email: ["Enter a valid email address"],
      password: ["Use at least 8 characters"],
    });
    expect((await post("/trpc/portal/auth.signUp", "{not json")).status).toBe(400);
    expect((await post("/trpc/portal/auth.signUp", { email: 42 })).status).toBe(400);
    expect((await app.request("/trpc/portal/no.such.procedure")).status).toBe(404);
  });

  it("answers the 11th failed sign-in for an account within a minute with 429 and Retry-After", async () => {
    const user = await createUser();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) {
      const res = await post("/trpc/portal/auth.signIn", { email: user.email, password: "wrong password" });
      statuses.push(res.status);
      if (attempt === 11) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it("sets the session cookie HttpOnly and SameSite=Lax over HTTP", async () => {
    const user = await createUser();
    const res = await post("/trpc/portal/auth.signIn", { email: user.email, password: "correct horse battery" });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^marquee_session=[a-z2-7]+\.[a-z2-7]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("serves both SPAs with history fallback and long-lived caching for assets", async () => {
    expect(await (await app.request("/")).text()).toContain("<title>portal</title>");
    expect(await (await app.request("/demo-dojo/videos")).text()).toContain("<title>portal</title>");
    expect(await (await app.request("/admin/")).text()).toContain("<title>admin</title>");
    expect(await (await app.request("/admin/platform/tenants")).text()).toContain("<title>admin</title>");
    expect(await (await app.request("/admin")).text()).toContain("<title>admin</title>");
    const asset = await app.request("/admin/assets/app-abc123.js");
    expect(await asset.text()).toContain('"admin"');
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/assets/missing-file.js")).status).toBe(404);
  });
});
