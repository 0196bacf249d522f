import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseVideoWebhook, signWebhookBody, verifyNotificationSecret, verifyWebhookSignature } from "../src/webhooks";

const SECRET = "85011ed3a913c6ad5f9cf6c5573cc0a7";
const NOW = 1_763_900_000;
// Cloudflare's body as sent: spacing and key order a JSON round trip would not keep.
const RAW_BODY =
  '{"uid":"6b9e68b07dfee8cc2d116e4c51d6a957", "readyToStream":true,"status":{"state":"ready","pctComplete":"100.000000"},"meta":{"name":"Intro"},"duration":5.5}';

function header(body: string | Uint8Array = RAW_BODY, time = NOW, secret = SECRET) {
  return signWebhookBody(body, secret, time);
}

describe("verifyWebhookSignature", () => {
  it("accepts a delivery signed as the fact sheet describes", () => {
    const sig = createHmac("sha256", SECRET).update(`${NOW}.${RAW_BODY}`).digest("hex");
    const result = verifyWebhookSignature({
      header: `time=${NOW},sig1=${sig}`,
      rawBody: RAW_BODY,
      secret: SECRET,
      nowSeconds: NOW,
    });
    expect(result).toEqual({ ok: true, timestamp: NOW });
  });

  it("accepts the raw body as bytes and the edges of the five-minute window", () => {
    const bytes = new TextEncoder().encode(RAW_BODY);
    for (const nowSeconds of [NOW, NOW + 300, NOW - 300]) {
      expect(verifyWebhookSignature({ header: header(), rawBody: bytes, secret: SECRET, nowSeconds })).toMatchObject({
        ok: true,
      });
    }
  });

  it("rejects a tampered body", () => {
    const tampered = RAW_BODY.replace('"ready"', '"error"');
    expect(verifyWebhookSignature({ header: header(), rawBody: tampered, secret: SECRET, nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("rejects the same JSON re-serialised", () => {
    const reserialised = JSON.stringify(JSON.parse(RAW_BODY));
    expect(reserialised).not.toBe(RAW_BODY);
    expect(
      verifyWebhookSignature({ header: header(), rawBody: reserialised, secret: SECRET, nowSeconds: NOW }),
    ).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a signature made with another secret", () => {
    expect(
      verifyWebhookSignature({
        header: header(RAW_BODY, NOW, "wrong"),
        rawBody: RAW_BODY,
        secret: SECRET,
        nowSeconds: NOW,
      }),
    ).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a timestamp 301 s old or 301 s ahead, even when correctly signed", () => {
    expect(
      verifyWebhookSignature({
        header: header(RAW_BODY, NOW - 301),
        rawBody: RAW_BODY,
        secret: SECRET,
        nowSeconds: NOW,
      }),
    ).toEqual({ ok: false, reason: "stale" });
    expect(
      verifyWebhookSignature({
        header: header(RAW_BODY, NOW + 301),
        rawBody: RAW_BODY,
        secret: SECRET,
        nowSeconds: NOW,
      }),
    ).toEqual({ ok: false, reason: "future" });
  });

  it("rejects a missing or malformed header", () => {
    const verify = (h: string | undefined) =>
      verifyWebhookSignature({ header: h, rawBody: RAW_BODY, secret: SECRET, nowSeconds: NOW });
    expect(verify(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(verify("")).toEqual({ ok: false, reason: "missing" });
    const sig = header().split("sig1=")[1] ?? "";
    for (const malformed of [
      "garbage",
      `sig1=${sig}`,
      `time=${NOW}`,
      `time=abc,sig1=${sig}`,
      `time=${NOW},sig1=${sig.slice(0, 63)}`,
      `time=${NOW},sig1=${"z".repeat(64)}`,
    ]) {
      expect(verify(malformed)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("tolerates spaces and an extra unknown part in the header", () => {
    const [time, sig] = header().split(",");
    expect(
      verifyWebhookSignature({ header: `${time}, v0=x, ${sig}`, rawBody: RAW_BODY, secret: SECRET, nowSeconds: NOW }),
    ).toMatchObject({ ok: true });
  });
});

describe("verifyNotificationSecret", () => {
  it("compares the cf-webhook-auth value with the secret", () => {
    expect(verifyNotificationSecret("destination-secret", "destination-secret")).toBe(true);
    expect(verifyNotificationSecret("destination-secreT", "destination-secret")).toBe(false);
    expect(verifyNotificationSecret("short", "destination-secret")).toBe(false);
    expect(verifyNotificationSecret(undefined, "destination-secret")).toBe(false);
    expect(verifyNotificationSecret("", "")).toBe(false);
  });
});

describe("parseVideoWebhook", () => {
  it("maps the bare Video body", () => {
    expect(parseVideoWebhook(RAW_BODY)).toMatchObject({
      uid: "6b9e68b07dfee8cc2d116e4c51d6a957",
      state: "ready",
      pctComplete: 100,
      readyToStream: true,
      name: "Intro",
      durationSeconds: 5.5,
    });
  });

  it("returns null for something that is not a video", () => {
    expect(parseVideoWebhook("not json")).toBeNull();
    expect(parseVideoWebhook('{"name":"x"}')).toBeNull();
  });
});
