import { describe, expect, it } from "vitest";
import { loadEnv } from "../src/env";

describe("environment", () => {
  it("defaults to embedded mode on port 3000 with data in .data", () => {
    expect(loadEnv({})).toMatchObject({
      port: 3000,
      mode: "embedded",
      dataDir: ".data",
      publicUrl: "http://localhost:3000",
      seedDemo: true,
    });
  });

  it("switches to production mode with DATABASE_URL and does not seed the demo", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(
      loadEnv({
        DATABASE_URL: "postgres://u@db:5432/marquee",
        PUBLIC_URL: "https://v.example.com/",
        APP_SECRET_KEY: key,
      }),
    ).toMatchObject({
      mode: "production",
      seedDemo: false,
      publicUrl: "https://v.example.com",
    });
  });

  it.each([
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://nope" }],
    ["PUBLIC_URL", { PUBLIC_URL: "not a url" }],
    ["TRUST_PROXY", { TRUST_PROXY: "maybe" }],
    ["APP_SECRET_KEY", { APP_SECRET_KEY: "c2hvcnQ=" }],
    ["APP_SECRET_KEY", { DATABASE_URL: "postgres://u@db/m" }],
    ["CLOUDFLARE_API_TOKEN", { CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef" }],
  ])("names %s when its value is bad", (name, env) => {
    expect(() => loadEnv(env)).toThrow(new RegExp(`\\n  (\\w+, )*${name}\\b`));
  });

  it("treats empty strings as unset", () => {
    expect(loadEnv({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, mode: "embedded" });
  });
});
