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
    expect(
      loadEnv({ DATABASE_URL: "postgres://u@db:5432/marquee", PUBLIC_URL: "https://v.example.com/" }),
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
  ])("names %s when its value is bad", (name, env) => {
    expect(() => loadEnv(env)).toThrow(new RegExp(`${name}:`));
  });

  it("treats empty strings as unset", () => {
    expect(loadEnv({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, mode: "embedded" });
  });
});
