import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter } from "../src/retry";
import { encodeUploadMetadata, parseUploadMetadata } from "../src/upload-metadata";

describe("upload metadata", () => {
  it("encodes key base64(value) pairs, flags alone, and reads them back", () => {
    const header = encodeUploadMetadata({
      name: "Ünïcode name.mp4",
      maxDurationSeconds: 600,
      requireSignedURLs: true,
      expiry: new Date("2024-02-27T07:20:50Z"),
      extra: { filetype: "video/mp4", "bad key": "dropped" },
    });
    expect(header.split(",")).toEqual([
      `name ${Buffer.from("Ünïcode name.mp4").toString("base64")}`,
      "maxdurationseconds NjAw",
      "requiresignedurls",
      `expiry ${Buffer.from("2024-02-27T07:20:50.000Z").toString("base64")}`,
      `filetype ${Buffer.from("video/mp4").toString("base64")}`,
    ]);
    expect(parseUploadMetadata(header)).toEqual({
      name: "Ünïcode name.mp4",
      maxdurationseconds: "600",
      requiresignedurls: "",
      expiry: "2024-02-27T07:20:50.000Z",
      filetype: "video/mp4",
    });
  });

  it("reads the docs' example, with or without spaces after commas", () => {
    expect(
      parseUploadMetadata("maxDurationSeconds NjAw, requiresignedurls,expiry MjAyNC0wMi0yN1QwNzoyMDo1MFo="),
    ).toEqual({
      maxDurationSeconds: "600",
      requiresignedurls: "",
      expiry: "2024-02-27T07:20:50Z",
    });
    expect(parseUploadMetadata(null)).toEqual({});
  });
});

describe("retry timing", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("parses Retry-After as seconds, HTTP date or retry-after-ms", () => {
    expect(parseRetryAfter(headers({ "retry-after": "120" }), now)).toBe(120_000);
    expect(parseRetryAfter(headers({ "retry-after": "1.5" }), now)).toBe(1500);
    expect(parseRetryAfter(headers({ "retry-after": "Mon, 23 Nov 2026 12:00:30 GMT" }), now)).toBe(30_000);
    expect(parseRetryAfter(headers({ "retry-after": "Mon, 23 Nov 2026 11:00:00 GMT" }), now)).toBe(0);
    expect(parseRetryAfter(headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(parseRetryAfter(headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
  });

  it("doubles the backoff up to the ceiling, with jitter in the upper half", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
  });
});
